package bufpool

import "testing"

func TestGetHasRoom(t *testing.T) {
	for _, n := range []int{0, 1, 4095, 4096, 4097, 100_000, 1 << 23, 1<<23 + 1, 20 << 20} {
		b := Get(n)
		if len(b) != 0 || cap(b) < n {
			t.Errorf("Get(%d): len %d cap %d", n, len(b), cap(b))
		}
		Put(append(b, 1))
	}
}

// A slice put back goes to a class whose every Get it can serve, also
// when its capacity is not a power of two.
func TestPutServesItsClass(t *testing.T) {
	for _, c := range []int{4096, 5000, 8191, 8192, 12345, 1 << 20, 3 << 20} {
		Put(make([]byte, 7, c))
		for range 3 {
			n := c
			if _, ok := class(n); !ok {
				continue
			}
			b := Get(n / 2)
			if cap(b) < n/2 || len(b) != 0 {
				t.Errorf("after Put(cap %d): Get(%d) has len %d cap %d", c, n/2, len(b), cap(b))
			}
		}
	}
}

func TestClass(t *testing.T) {
	for _, tc := range []struct {
		n     int
		class int
		ok    bool
	}{
		{0, 0, true}, {4096, 0, true}, {4097, 1, true}, {8192, 1, true}, {8193, 2, true},
		{1 << 23, maxShift - minShift, true}, {1<<23 + 1, 0, false},
	} {
		c, ok := class(tc.n)
		if c != tc.class || ok != tc.ok {
			t.Errorf("class(%d) = %d, %v; want %d, %v", tc.n, c, ok, tc.class, tc.ok)
		}
	}
}
