package main

import "encoding/binary"

// processPrngStub returns a minimal 64-bit Windows DLL named
// bcryptprimitives.dll whose only export, ProcessPrng, forwards to
// advapi32.SystemFunction036 (RtlGenRandom), which takes the same
// arguments. Go programs for Windows load ProcessPrng at start; Wine gained
// it in 8.13, and Debian bookworm ships Wine 8.0, where they cannot start
// without it. The DLL holds no code: headers and an export table only.
func processPrngStub() []byte {
	const (
		fileAlign = 0x200
		rva       = 0x1000 // the one section, holding the export table
	)
	img := make([]byte, 2*fileAlign)
	le := binary.LittleEndian
	copy(img, "MZ")
	le.PutUint32(img[0x3c:], 0x40) // e_lfanew
	copy(img[0x40:], "PE\x00\x00")
	coff := img[0x44:]
	le.PutUint16(coff[0:], 0x8664) // AMD64
	le.PutUint16(coff[2:], 1)      // sections
	le.PutUint16(coff[16:], 240)   // size of the optional header
	le.PutUint16(coff[18:], 0x2022)
	opt := coff[20:]
	le.PutUint16(opt[0:], 0x20b) // PE32+
	le.PutUint32(opt[8:], fileAlign)
	le.PutUint32(opt[20:], rva)
	le.PutUint64(opt[24:], 0x180000000) // image base
	le.PutUint32(opt[32:], 0x1000)      // section alignment
	le.PutUint32(opt[36:], fileAlign)
	le.PutUint16(opt[40:], 6) // OS version
	le.PutUint16(opt[48:], 6) // subsystem version
	le.PutUint32(opt[56:], 0x2000)
	le.PutUint32(opt[60:], fileAlign)
	le.PutUint16(opt[68:], 3)    // console subsystem
	le.PutUint16(opt[70:], 0x40) // dynamic base
	le.PutUint64(opt[72:], 0x100000)
	le.PutUint64(opt[80:], 0x1000)
	le.PutUint64(opt[88:], 0x100000)
	le.PutUint64(opt[96:], 0x1000)
	le.PutUint32(opt[108:], 16) // data directories
	sec := opt[240:]
	copy(sec, ".edata")
	le.PutUint32(sec[8:], 0x1000)
	le.PutUint32(sec[12:], rva)
	le.PutUint32(sec[16:], fileAlign)
	le.PutUint32(sec[20:], fileAlign)
	le.PutUint32(sec[36:], 0x40000040) // initialized data, readable

	data := img[fileAlign:]
	const (
		eat     = 0x28
		names   = 0x2c
		ords    = 0x30
		dllName = 0x34
	)
	strs := []string{"bcryptprimitives.dll", "ProcessPrng", "advapi32.SystemFunction036"}
	at := []int{dllName, dllName + len(strs[0]) + 1, dllName + len(strs[0]) + len(strs[1]) + 2}
	for i, s := range strs {
		copy(data[at[i]:], s)
	}
	end := at[2] + len(strs[2]) + 1
	le.PutUint32(data[12:], uint32(rva+dllName))
	le.PutUint32(data[16:], 1) // ordinal base
	le.PutUint32(data[20:], 1) // functions
	le.PutUint32(data[24:], 1) // names
	le.PutUint32(data[28:], rva+eat)
	le.PutUint32(data[32:], rva+names)
	le.PutUint32(data[36:], rva+ords)
	le.PutUint32(data[eat:], uint32(rva+at[2])) // inside the table: a forwarder
	le.PutUint32(data[names:], uint32(rva+at[1]))
	// The export directory entry, whose range marks the forwarder.
	le.PutUint32(opt[112:], rva)
	le.PutUint32(opt[116:], uint32(end))
	return img
}
