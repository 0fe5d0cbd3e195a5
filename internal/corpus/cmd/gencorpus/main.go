// Command gencorpus writes a generated showcase site (or the same text as a
// Hugo site) for benchmarks and manual testing:
//
//	go run ./internal/corpus/cmd/gencorpus -n 10000 -o /dev/shm/c10k
//	go run ./internal/corpus/cmd/gencorpus -n 10000 -hugo -o /dev/shm/h10k
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"showcase/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of brands")
	out := flag.String("o", "", "output folder (must not exist or be empty)")
	seed := flag.Int64("seed", 1, "seed; the same seed writes the same files")
	units := flag.Int("units", 0, "number of units (default n/10)")
	chars := flag.Int("chars", 0, "least characters per brand body (default 2000)")
	photos := flag.Int("photos", 0, "photos per brand (default 1, negative for none)")
	hugo := flag.Bool("hugo", false, "write the corpus as a Hugo site instead")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n BRANDS -o DIR [-seed N] [-units N] [-chars N] [-photos N] [-hugo]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gencorpus: error: %s is not empty\n", *out)
		os.Exit(1)
	}
	opts := corpus.Options{Brands: *n, Seed: *seed, Units: *units, BodyChars: *chars, Photos: *photos}
	write := corpus.Write
	if *hugo {
		write = corpus.WriteHugo
	}
	start := time.Now()
	if err := write(*out, opts); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: error: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: wrote %d brands into %s in %s\n", *n, *out, time.Since(start).Round(time.Millisecond))
}
