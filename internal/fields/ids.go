package fields

// ValidID reports whether s is a valid id for a unit, brand, stage or status:
// lower-case ASCII letters, digits and hyphens, as used in URLs.
func ValidID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
