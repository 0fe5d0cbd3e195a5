package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"

	"showcase/internal/content"
)

// fixSlips corrects the input-method slips of the unit and brand files
// under paths (all of content/ when none is given), in place, and prints
// each correction to out. A file whose correction would not read back as
// check reads it is left alone, with a warning.
func (e *env) fixSlips(dir string, paths []string, out io.Writer) int {
	root, err := e.openSite(dir)
	if err != nil {
		return exitFailure
	}
	defer root.Close()
	files, err := contentFiles(root.FS(), pathPrefixes(dir, paths))
	if err != nil {
		e.fail("读取 content 文件夹失败：%v", "read content: %v", err)
		return exitFailure
	}
	count, changed := 0, 0
	for _, file := range files {
		n, err := e.fixFile(root, file, out)
		if err != nil {
			e.fail("改正 %s 失败：%v", "fix %s: %v", file, err)
			return exitFailure
		}
		count += n
		if n > 0 {
			changed++
		}
	}
	if count > 0 {
		fmt.Fprintf(out, e.pick("showcase: 改正了 %[1]d 个文件里的 %[2]d 处输入法误输入\n", "showcase: corrected %[2]d input-method slips in %[1]d files\n"), changed, count)
	}
	return exitOK
}

// contentFiles lists the unit and brand files of content/ inside prefixes,
// in path order.
func contentFiles(fsys fs.FS, prefixes []string) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, content.Dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == content.Dir && errors.Is(err, fs.ErrNotExist):
			return fs.SkipAll
		case err != nil:
			return err
		case d.Type().IsRegular() && (d.Name() == content.UnitFile || d.Name() == content.BrandFile) && within(p, prefixes):
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// fixFile corrects one file and returns the number of slips corrected. The
// corrected text is written beside the file and renamed over it, so the
// file is either as it was or wholly corrected.
func (e *env) fixFile(root *os.Root, file string, out io.Writer) (int, error) {
	info, err := root.Stat(file)
	if err != nil {
		return 0, err
	}
	if info.Size() > content.MaxFileSize {
		return 0, nil
	}
	data, err := root.ReadFile(file)
	if err != nil {
		return 0, err
	}
	fixed, slips, err := content.Fix(data)
	if errors.Is(err, content.ErrFixUnsafe) {
		e.caution("没有改动 %s：改正后的文件读出来和原来不一样，请按下面列出的问题手工改正",
			"left %s as it was: corrected, it would not read back the same; correct the findings below by hand", file)
		return 0, nil
	}
	if err != nil || len(slips) == 0 {
		return 0, err
	}
	tmp := path.Join(path.Dir(file), "."+path.Base(file)+".fix")
	if err := root.WriteFile(tmp, fixed, info.Mode().Perm()); err != nil {
		return 0, err
	}
	if err := root.Rename(tmp, file); err != nil {
		_ = root.Remove(tmp)
		return 0, err
	}
	n := 0
	for i, s := range slips {
		if s.Part {
			continue
		}
		n++
		fmt.Fprintf(out, "%s:%d:%d: %s: %s [content/slip-%s]\n", file, s.Line, s.Col,
			e.pick("已改正", "fixed"), content.Describe(slips, i).In(e.lang), s.Kind)
	}
	return n, nil
}
