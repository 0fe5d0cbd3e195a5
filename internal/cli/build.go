package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/render"
)

// buildMemoryLimit is the soft memory limit of a build; see build.
const buildMemoryLimit = 1536 << 20

func (e *env) build(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	source := fs.String("source", ".", "site folder holding showcase.yaml and content/")
	dest := fs.String("dest", "", "output folder (default <source>/public)")
	target := fs.String("target", "web", "web for the published site, kiosk for an offline folder")
	baseURL := fs.String("base-url", "", "replace the configuration's baseURL")
	drafts := fs.Bool("drafts", false, "include brands marked draft")
	cacheDir := fs.String("cache-dir", "", "folder of resized photos kept between builds (default <source>/resources/_gen/images)")
	lang := fs.String("lang", "zh", "language of findings: zh or en")
	quiet := fs.Bool("quiet", false, "print nothing on success")
	fresh := fs.Bool("fresh", false, "build everything, ignoring what the last build left beside the output")
	timings := fs.Bool("timings", false, "print how long each step of the build took")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof reads it)")
	memprofile := fs.String("memprofile", "", "write a profile of what the build allocated to this file (go tool pprof reads it)")
	var compress compressFlag
	fs.Var(&compress, "compress", "write a .gz beside every text file over 1 KB; --compress=gzip,br adds .br")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if *target != string(render.Web) && *target != string(render.Kiosk) {
		e.errorf("unknown --target %q", *target)
		e.hintf("use --target web or --target kiosk")
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	// A build's garbage is mostly page buffers, cheap to collect. The
	// collector keeps its usual pace while the heap is small, as in a
	// rebuild, and runs more often as the process nears the soft limit,
	// which keeps a full build of 100,000 brands under 2 GB. GOGC and
	// GOMEMLIMIT override.
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit))
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			e.errorf("cpu profile: %v", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			e.errorf("cpu profile: %v", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	// The profile's file is made before the build, so that a folder
	// that is not there fails at once and not after the site is built.
	var memFile *os.File
	if *memprofile != "" {
		var err error
		if memFile, err = os.Create(*memprofile); err != nil {
			e.errorf("memory profile: %v", err)
			return exitFailure
		}
		defer memFile.Close()
	}
	start := time.Now()
	res, err := build.Run(ctx, build.Options{
		Source: *source, Dest: *dest, Target: render.Target(*target), CacheDir: *cacheDir, Fresh: *fresh,
		Compress:    compress.c,
		LoadOptions: build.LoadOptions{BaseURL: *baseURL, Drafts: *drafts},
	})
	_ = diag.WriteText(e.stderr, res.Diagnostics, *lang)
	for _, w := range res.Warnings {
		e.warningf("%s", w)
	}
	if *timings {
		res.Timings.Write(e.stderr)
		writeMemory(e.stderr)
	}
	if memFile != nil {
		if err := writeAllocs(memFile); err != nil {
			e.errorf("memory profile: %v", err)
			return exitFailure
		}
	}
	if err != nil {
		if build.IsContentError(err) {
			errs, _ := res.Diagnostics.Count()
			e.errorf("%d error(s) in the content; nothing was published and %s is unchanged", errs, filepath.ToSlash(*dest))
			e.hintf("fix the lines above, or run \"showcase check\" to list them again")
			return exitFailure
		}
		e.errorf("build: %v", err)
		return exitFailure
	}
	if !*quiet {
		kept := ""
		if res.KeptUnits > 0 {
			kept = fmt.Sprintf(" (%d of %d units unchanged, %d files kept)", res.KeptUnits, res.Units, res.KeptFiles)
		}
		fmt.Fprintf(e.stdout, "showcase: built %d files for %d brands into %s in %s%s\n",
			res.Files, res.Brands, filepath.ToSlash(*dest), time.Since(start).Round(time.Millisecond), kept)
	}
	return exitOK
}

// writeMemory prints what the build allocated and how often the collector
// ran: with the phases, what "--timings" shows, since a build's garbage
// costs its CPU as surely as its work does.
func writeMemory(w io.Writer) {
	samples := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(samples)
	if samples[0].Value.Kind() != metrics.KindUint64 || samples[1].Value.Kind() != metrics.KindUint64 {
		return
	}
	fmt.Fprintf(w, "showcase: timing: allocated %d MB, %d collections\n",
		samples[0].Value.Uint64()>>20, samples[1].Value.Uint64())
}

// writeAllocs writes the profile of every allocation the build made.
func writeAllocs(f *os.File) error {
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return err
	}
	return f.Close()
}
