// Command pack writes the release archives scripts/dist makes: a ZIP or a
// gzip-compressed tar of one folder, with files in name order, fixed
// owners, and every time set to SOURCE_DATE_EPOCH, so the same input makes
// the same archive byte for byte.
//
//	go run ./scripts/pack zip|tgz ARCHIVE FOLDER
//
// The archive holds FOLDER's files under FOLDER's own name. Files whose
// names end in .exe or .bat, and those executable on disk, are marked
// executable.
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 4 || (os.Args[1] != "zip" && os.Args[1] != "tgz") {
		fmt.Fprintln(os.Stderr, "usage: pack zip|tgz ARCHIVE FOLDER")
		os.Exit(2)
	}
	if err := pack(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintf(os.Stderr, "pack: %v\n", err)
		os.Exit(1)
	}
}

// entry is one file of the archive.
type entry struct {
	name string
	data []byte
	mode fs.FileMode
}

func pack(kind, archive, folder string) error {
	epoch, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
	if err != nil {
		epoch = 0
	}
	mtime := time.Unix(epoch, 0).UTC()
	base := filepath.Base(folder)
	var files []entry
	err = filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(folder, p)
		mode := fs.FileMode(0o644)
		if ext := path.Ext(p); info.Mode()&0o111 != 0 || ext == ".exe" || ext == ".bat" {
			mode = 0o755
		}
		files = append(files, entry{path.Join(base, filepath.ToSlash(rel)), data, mode})
		return nil
	})
	if err != nil {
		return err
	}
	out, err := os.Create(archive)
	if err != nil {
		return err
	}
	if kind == "zip" {
		err = writeZip(out, files, mtime)
	} else {
		err = writeTar(out, files, mtime)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeZip writes files as a ZIP; names are UTF-8, marked so, which
// Windows Explorer reads.
func writeZip(out *os.File, files []entry, mtime time.Time) error {
	zw := zip.NewWriter(out)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(f.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTar writes files as a gzip-compressed tar owned by root.
func writeTar(out *os.File, files []entry, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	gz.ModTime = mtime
	tw := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{Name: f.name, Mode: int64(f.mode), Size: int64(len(f.data)), ModTime: mtime,
			Typeflag: tar.TypeReg, Uname: "root", Gname: "root", Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}
