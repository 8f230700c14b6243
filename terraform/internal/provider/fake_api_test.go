package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// fakeAPI serves handler as the control plane of one unit test and returns a client of it
// (API key trb_test, project p).
func fakeAPI(t *testing.T, handler http.HandlerFunc) *apiContext {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return &apiContext{api: newAPIClient(srv.URL, "trb_test", "test"), project: "p"}
}

// fastPolling makes every wait of the test poll each millisecond.
func fastPolling(t *testing.T) {
	old := pollInterval
	pollInterval = time.Millisecond
	t.Cleanup(func() { pollInterval = old })
}

// writeNotFound answers 404 with the API's problem document.
func writeNotFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, `{"type":"about:blank","title":"Not found","status":404,"code":"NOT_FOUND"}`)
}
