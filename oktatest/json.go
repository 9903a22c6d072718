package oktatest

// Helpers for the generic JSON documents (map[string]any holding
// json.Number, string, bool, nil, []any and map[string]any) in which the
// server keeps what clients send, so that every member comes back as sent.

// deepCopy copies a decoded JSON value.
func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

func copyDoc(m map[string]any) map[string]any { return deepCopy(m).(map[string]any) }

// getString reads a string member; ok is false when it is absent or null.
// bad is true when it is present with another type.
func getString(m map[string]any, key string) (s string, ok, bad bool) {
	v, present := m[key]
	if !present || v == nil {
		return "", false, false
	}
	s, ok = v.(string)
	return s, ok, !ok
}

// getObject reads an object member; bad is true when it is present, not
// null and not an object.
func getObject(m map[string]any, key string) (obj map[string]any, bad bool) {
	v, present := m[key]
	if !present || v == nil {
		return nil, false
	}
	obj, ok := v.(map[string]any)
	return obj, !ok
}

// object returns the object member key of m, making it if absent or not
// an object.
func object(m map[string]any, key string) map[string]any {
	if obj, ok := m[key].(map[string]any); ok {
		return obj
	}
	obj := map[string]any{}
	m[key] = obj
	return obj
}

// setDefault sets m[key] to v unless key is present (even as null).
func setDefault(m map[string]any, key string, v any) {
	if _, ok := m[key]; !ok {
		m[key] = v
	}
}

// memberAt walks a path of object members of a JSON document; it is nil
// where the path ends early.
func memberAt(v any, path ...string) any {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}
