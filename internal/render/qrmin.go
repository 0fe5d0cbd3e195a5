package render

import (
	"strconv"
)

// qrPathMinified returns the path data of a code as the SVG minifier
// (github.com/tdewolff/minify/v2/svg) rewrites qrPath's: each move and
// each closing horizontal line written absolute or relative, whichever is
// shorter (the original form on a tie), numbers separated only where
// needed. A QR code's path is most of the work of minifying a brand page
// or a plaque, and this writes the result directly; TestQRPathMinified
// holds it to the minifier's output.
func qrPathMinified(code *qrCode) []byte {
	n := code.Size()
	d := make([]byte, 0, 3*n*n)
	px, py := 0, 0 // the current point: where the last rectangle began
	qrRuns(code, func(ax, ay, run int) {
		// M<x> <y>, or m<dx> <dy> when shorter.
		if instructionLen(ax-px, ay-py) < instructionLen(ax, ay) {
			d = appendInstruction(d, 'm', ax-px, ay-py)
		} else {
			d = appendInstruction(d, 'M', ax, ay)
		}
		// h<run> never loses to H<x+run>, nor v1 to V<y+1>.
		d = appendInstruction(d, 'h', run)
		d = append(d, 'v', '1')
		// h-<run>, or H<x> when shorter; then back to the start.
		if instructionLen(ax) < instructionLen(-run) {
			d = appendInstruction(d, 'H', ax)
		} else {
			d = appendInstruction(d, 'h', -run)
		}
		d = append(d, 'z')
		px, py = ax, ay
	})
	return d
}

// instructionLen is the length of a command letter and its numbers.
func instructionLen(args ...int) int {
	n := 1
	for i, a := range args {
		if a < 0 {
			n++ // the minus sign, which also separates
			a = -a
		} else if i > 0 {
			n++ // a space (or the dot of ".0"), same length
		}
		for n++; a >= 10; a /= 10 {
			n++
		}
	}
	return n
}

// appendInstruction appends a command letter and its numbers the way the
// minifier's copyNumber does for integers: a space before a number that
// starts with a digit after another number, ".0" for a zero after a number
// that is not an integer, and "1e2" for "100". Every command here differs
// from the one before it, so the letter is always written and the
// separators start afresh.
func appendInstruction(buf []byte, cmd byte, args ...int) []byte {
	buf = append(buf, cmd)
	prev, prevInt := false, false
	for _, a := range args {
		if prev && a >= 0 {
			if a == 0 && !prevInt {
				buf = append(buf, '.', '0')
				continue
			}
			buf = append(buf, ' ')
		}
		prev, prevInt = true, true
		start := len(buf)
		buf = strconv.AppendInt(buf, int64(a), 10)
		if k := len(buf); k-start > 2 && buf[k-2] == '0' && buf[k-1] == '0' {
			buf[k-2], buf[k-1] = 'e', '2'
			prevInt = false
		}
	}
	return buf
}
