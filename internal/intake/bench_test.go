package intake_test

import (
	"context"
	"os"
	"testing"

	"showcase/internal/build"
	"showcase/internal/intake"
	"showcase/internal/submit"
)

// BenchmarkCheckPage is the work of one keystroke on /submit/: write the
// form's index.md and check it in the sample site's context. The engine
// runs the same code compiled to WebAssembly, a few times slower.
func BenchmarkCheckPage(b *testing.B) {
	site := copySample(b)
	s, _, err := build.Load(context.Background(), os.DirFS(site), build.LoadOptions{Drafts: true}, nil)
	if err != nil {
		b.Fatal(err)
	}
	c := submit.ContextOf(s, len(s.Decisions) > 0)
	f := goodForm()
	f.Name = "国库先"
	for b.Loop() {
		bundle := submit.Bundle{"logo.svg": []byte(logo), "index.md": []byte(submit.Write(f).Text)}
		if _, _, err := intake.CheckPage(context.Background(), c, f.Unit, f.Brand, bundle); err != nil {
			b.Fatal(err)
		}
	}
}
