package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"showcase/internal/diag"
)

// hub sends server-sent events to every open page: "reload" after a good
// rebuild, "problems" with the findings after a bad one. A page that
// connects is told the current state at once, so an overlay survives a
// reload.
type hub struct {
	mu       sync.Mutex
	clients  map[chan event]bool
	problems []problem // nil when the last build was good
}

type event struct {
	name string
	data []byte
}

// problem is one finding as the overlay shows it.
type problem struct {
	Position string `json:"position"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	Rule     string `json:"rule"`
}

func newHub() *hub { return &hub{clients: map[chan event]bool{}} }

// reload tells every page the site changed and clears the overlay.
func (h *hub) reload() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.problems = nil
	h.send(event{name: "reload", data: []byte("{}")})
}

// fail shows the errors of a failed rebuild on every page.
func (h *hub) fail(l diag.List) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.problems = problems(l)
	data, _ := json.Marshal(h.problems)
	h.send(event{name: "problems", data: data})
}

func problems(l diag.List) []problem {
	out := []problem{}
	for _, d := range l {
		if d.Severity != diag.Error {
			continue
		}
		out = append(out, problem{Position: d.Pos.String(), Severity: d.Severity.String(),
			Message: d.Message.In("zh"), Hint: d.Hint.In("zh"), Rule: d.Rule})
	}
	return out
}

// send must be called with h.mu held. A client that is not keeping up
// loses the event rather than stalling the others; the next one will do.
func (h *hub) send(e event) {
	for c := range h.clients {
		select {
		case c <- e:
		default:
		}
	}
}

// ServeHTTP streams events to one page until it goes away.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	c := make(chan event, 4)
	h.mu.Lock()
	h.clients[c] = true
	if h.problems != nil {
		data, _ := json.Marshal(h.problems)
		c <- event{name: "problems", data: data}
	}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
			flusher.Flush()
		}
	}
}
