package oktatest

import (
	"errors"
	"io"
	"net/http"
)

// maxLogo is Okta's limit: a logo must be less than 1 MB.
const maxLogo = 1 << 20

type logo struct {
	contentType string
	data        []byte
}

// logoTypes are the image types Okta accepts, as http.DetectContentType
// names them.
var logoTypes = map[string]bool{"image/png": true, "image/jpeg": true, "image/gif": true}

// logoLink is the app's _links.logo entry: the uploaded logo, else the
// default one.
func (s *Server) logoLink(a *app) map[string]any {
	if a.logoID == "" {
		return map[string]any{"name": "medium", "href": s.href("assets", "img", "logos", "default.png"), "type": "image/png"}
	}
	return map[string]any{"name": "medium", "href": s.href("fs", "bco", "1", a.logoID), "type": s.logos[a.logoID].contentType}
}

func (s *Server) uploadApplicationLogo(w http.ResponseWriter, r *http.Request, c *call) {
	// Refuse an unknown app before reading the upload.
	if !s.withApp(w, r, func(*app) {}) {
		return
	}
	file, err := readLogo(w, r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		s.dropLogo(a)
		a.logoID = s.newID(prefixFile)
		s.logos[a.logoID] = file
		a.lastUpdated = s.now()
		w.WriteHeader(http.StatusCreated)
	})
}

// dropLogo forgets the app's uploaded logo, if it has one: a logo lives
// only as long as its app and its current upload. The caller holds s.mu.
func (s *Server) dropLogo(a *app) {
	if a.logoID != "" {
		delete(s.logos, a.logoID)
		a.logoID = ""
	}
}

// readLogo reads the "file" part of a multipart upload and checks its type
// and size.
func readLogo(w http.ResponseWriter, r *http.Request) (logo, *apiError) {
	r.Body = http.MaxBytesReader(w, r.Body, 4*maxLogo)
	mr, err := r.MultipartReader()
	if err != nil {
		return logo{}, invalid("file", "The request must be multipart/form-data with a file part.")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return logo{}, invalid("file", "Property is required.")
		}
		if err != nil {
			return logo{}, malformed()
		}
		if part.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, maxLogo))
		if err != nil {
			return logo{}, malformed()
		}
		if n, _ := io.Copy(io.Discard, part); n > 0 || len(data) >= maxLogo {
			return logo{}, invalid("file", "The file must be less than 1 MB in size.")
		}
		ct := http.DetectContentType(data)
		if !logoTypes[ct] {
			return logo{}, invalid("file", "The file must be in PNG, JPG, or GIF format.")
		}
		return logo{contentType: ct, data: data}, nil
	}
}

// serveLogo serves an uploaded logo; like Okta's file store it needs no
// credentials.
func (s *Server) serveLogo(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	l, ok := s.logos[r.PathValue("fileId")]
	s.mu.Unlock()
	if !ok {
		s.writeError(w, notFound(r.PathValue("fileId"), "File"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", l.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "public, max-age=86400")
	w.Write(l.data)
}
