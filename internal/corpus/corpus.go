// Package corpus generates showcase sites of any size for benchmarks and
// tests: N brands over N/10 units, every front-matter field filled with
// plausible and valid values, a logo per brand and a Chinese Markdown body
// of about 2,000 characters with headings, lists, a table, bold text and
// links. The same seed always gives the same files, and the same text can
// be written as a Hugo site so both generators build the same words.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Options size and vary a corpus.
type Options struct {
	// Brands is the number of brands.
	Brands int
	// Seed varies names, fields and text; the same seed gives the same files.
	Seed int64
	// Units is the number of units; zero means Brands/10 (at least one).
	Units int
	// BodyChars is the least length of a brand's body in characters; zero
	// means 2,000.
	BodyChars int
	// Photos is the number of photos per brand; zero means one, a negative
	// number means none.
	Photos int
}

func (o Options) withDefaults() Options {
	if o.BodyChars == 0 {
		o.BodyChars = 2000
	}
	switch {
	case o.Photos == 0:
		o.Photos = 1
	case o.Photos < 0:
		o.Photos = 0
	}
	return o
}

// Config is the showcase.yaml of a generated site. Its campaign is the one
// of the SPEC and of the sample site.
const Config = `title: 示例省党建品牌展示
description: 一支部一品牌，一品牌一特色。生成的党建品牌展示语料，用于测试和性能对比。
baseURL: https://brands.example.org/
language: zh-CN
campaign:
  name: 党建品牌创建三年规划(2020—2022)
  stages:
    - {id: declare,     name: 品牌申报阶段, ends: 2020-12-31}
    - {id: improve,     name: 品牌提升阶段, ends: 2021-12-31}
    - {id: consolidate, name: 品牌巩固阶段, ends: 2022-12-31}
  statuses:
    - {id: cultivating, name: 培育中}
    - {id: named,       name: 已命名}
    - {id: exemplary,   name: 示范品牌}
    - {id: resubmit,    name: 需重新申报}
    - {id: delisted,    name: 已摘牌}
plaque:
  size: A3
  orientation: landscape
kiosk:
  idle: 90
  interval: 8
theme: default
`

// Write writes a complete showcase site into dir: showcase.yaml and
// content/<unit>/_unit.md, content/<unit>/<brand>/index.md, logo.svg and
// photos. It writes files on all cores.
func Write(dir string, opts Options) error {
	return write(dir, opts, showcaseWriter{})
}

// siteWriter writes one generator's form of the corpus.
type siteWriter interface {
	config(dir string, c *corpus) error
	unit(dir string, c *corpus, u Unit) error
	brand(dir string, c *corpus, b *Brand, photos [][]byte) error
}

func write(dir string, opts Options, w siteWriter) error {
	if opts.Brands < 1 {
		return fmt.Errorf("corpus: need at least one brand, got %d", opts.Brands)
	}
	c := newCorpus(opts.withDefaults())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if err := w.config(dir, c); err != nil {
		return err
	}
	photos := make([][]byte, photoVariants)
	for v := range photos {
		var err error
		if photos[v], err = photoJPEG(v); err != nil {
			return fmt.Errorf("corpus: encode photo: %w", err)
		}
	}
	var g errgroup.Group
	// Writing is mostly waiting on the file system, so run more writers
	// than cores.
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for u := 0; u < c.units; u++ {
		g.Go(func() error { return w.unit(dir, c, c.unit(u)) })
	}
	for i := 0; i < opts.Brands; i++ {
		g.Go(func() error {
			b := c.brand(i)
			return w.brand(dir, c, &b, photos)
		})
	}
	return g.Wait()
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return nil
}
