package okta

import (
	"reflect"
	"time"
)

// oktaTimeLayout is how Okta writes times: UTC with milliseconds.
const oktaTimeLayout = "2006-01-02T15:04:05.000Z07:00"

// reencodes reports whether encoding the decoded time t gives back raw exactly,
// so that its text need not be kept.
func reencodes(t reflect.Value, raw []byte) bool {
	if len(raw) == 26 && raw[0] == '"' && raw[25] == '"' && oktaTimeShape(raw[1:25]) {
		return true // it decoded, so its fields are in range, and it is written as it was read
	}
	var buf [40]byte
	b := append(buf[:0], '"')
	b = t.Addr().Interface().(*time.Time).UTC().AppendFormat(b, oktaTimeLayout)
	b = append(b, '"')
	return string(b) == string(raw)
}

// keptTime parses raw, a kept value, as the JSON string of an RFC 3339 time.
func keptTime(raw []byte) (time.Time, bool) {
	d := decoder{data: raw}
	s, err := d.stringValue(d.peek())
	if err != nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// sameTime reports whether raw is the text of the time v holds.
func sameTime(raw []byte, v reflect.Value) bool {
	t, ok := keptTime(raw)
	return ok && t.Equal(v.Interface().(time.Time))
}

// oktaTimeShape reports whether b is laid out as Okta writes times,
// "2006-01-02T15:04:05.000Z": digits where the layout has digits, its
// separators elsewhere.
func oktaTimeShape(b []byte) bool {
	const layout = "0000-00-00T00:00:00.000Z"
	if len(b) != len(layout) {
		return false
	}
	for i := range len(layout) {
		if layout[i] == '0' {
			if b[i] < '0' || b[i] > '9' {
				return false
			}
		} else if b[i] != layout[i] {
			return false
		}
	}
	return true
}

// parseOktaTime parses a time written as Okta writes them (see oktaTimeShape)
// without the generality of time.Parse, which the decoder falls back to for
// any other text. It gives the same Time as time.Parse(time.RFC3339Nano) and
// refuses what that refuses: fields out of range, such as a 31st of April.
func parseOktaTime(b []byte) (time.Time, bool) {
	if !oktaTimeShape(b) {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range b[i : i+n] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	hour, minute, sec, milli := num(11, 2), num(14, 2), num(17, 2), num(20, 3)
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, milli*int(time.Millisecond), time.UTC), true
}

// daysIn returns the number of days in month of year.
func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}
