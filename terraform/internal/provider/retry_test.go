package provider

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// rateLimitedAPI answers the first `limited` requests with 429 and Retry-After (empty:
// none), then 201 with a created user. It records every request body and every wait.
type rateLimitedAPI struct {
	mu     sync.Mutex
	bodies []string
	waits  []time.Duration
}

func newRateLimitedAPI(t *testing.T, limited int, retryAfter string) (*apiContext, *rateLimitedAPI) {
	t.Helper()
	rec := &rateLimitedAPI{}
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.bodies = append(rec.bodies, string(body))
		n := len(rec.bodies)
		rec.mu.Unlock()
		if n <= limited {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"type":"about:blank","title":"Too many requests","status":429,"code":"RATE_LIMITED",` +
				`"detail":"Too many changes from this API key; retry after 3 seconds."}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"name":"app","password":"generated-pass-1"}`))
	})
	transport := api.api.GetConfig().HTTPClient.Transport.(*rateLimitTransport)
	transport.sleep = func(ctx context.Context, d time.Duration) error {
		rec.mu.Lock()
		rec.waits = append(rec.waits, d)
		rec.mu.Unlock()
		return ctx.Err()
	}
	return api, rec
}

func createUser(api *apiContext) (*client.KafkaUserCredentials, *http.Response, error) {
	req := client.KafkaUserCreate{Name: "app"}
	req.SetPassword("s3cret-pass-1")
	return api.api.KafkaUsersAPI.CreateKafkaUser(context.Background(), api.project, "i").KafkaUserCreate(req).Execute()
}

func TestRateLimit_retriesAfterRetryAfterWithTheSameBody(t *testing.T) {
	api, rec := newRateLimitedAPI(t, 2, "3")
	creds, httpResp, err := createUser(api)
	if err != nil {
		t.Fatalf("create after two 429s: %s", describeAPIError(err))
	}
	if httpResp.StatusCode != http.StatusCreated || creds.Password != "generated-pass-1" {
		t.Errorf("answer %d %+v", httpResp.StatusCode, creds)
	}
	if len(rec.bodies) != 3 {
		t.Fatalf("%d requests, want 3", len(rec.bodies))
	}
	for i, b := range rec.bodies {
		if b != rec.bodies[0] || !strings.Contains(b, `"password":"s3cret-pass-1"`) {
			t.Errorf("request %d sent %q, want the body of the first %q", i, b, rec.bodies[0])
		}
	}
	if want := []time.Duration{3 * time.Second, 3 * time.Second}; !equalDurations(rec.waits, want) {
		t.Errorf("waits = %v, want %v (Retry-After)", rec.waits, want)
	}
}

func TestRateLimit_isBounded(t *testing.T) {
	api, rec := newRateLimitedAPI(t, 1000, "3600")
	_, httpResp, err := createUser(api)
	if err == nil || httpResp == nil || httpResp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("err = %v, status %v; want the last 429", err, httpResp)
	}
	if len(rec.bodies) != maxRateLimitRetries+1 {
		t.Errorf("%d requests, want %d", len(rec.bodies), maxRateLimitRetries+1)
	}
	for _, w := range rec.waits {
		if w != maxRetryAfter {
			t.Errorf("wait %s, want it capped at %s", w, maxRetryAfter)
		}
	}
	// The user reads the API's own words.
	if got := describeAPIError(err); !strings.Contains(got, "HTTP 429, RATE_LIMITED") || !strings.Contains(got, "retry after 3 seconds") {
		t.Errorf("describeAPIError = %q", got)
	}
}

func TestRateLimit_withoutRetryAfterBacksOff(t *testing.T) {
	api, rec := newRateLimitedAPI(t, 3, "")
	if _, _, err := createUser(api); err != nil {
		t.Fatal(describeAPIError(err))
	}
	if want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second}; !equalDurations(rec.waits, want) {
		t.Errorf("waits = %v, want %v", rec.waits, want)
	}
}

func TestRateLimit_otherStatusesAreNotRetried(t *testing.T) {
	api := serveProblem(t, 409, `{"type":"about:blank","title":"Conflict","status":409,"code":"INVALID_STATE",`+
		`"detail":"The instance has no SASL listener."}`)
	_, httpResp, err := createUser(api)
	if err == nil || httpResp.StatusCode != http.StatusConflict || !strings.Contains(describeAPIError(err), "no SASL listener") {
		t.Fatalf("err = %v", err)
	}
}

func TestRateLimit_waitEndsWithTheContext(t *testing.T) {
	api := fakeAPI(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	started := time.Now()
	_, err := api.api.AclsAPI.DeleteAcl(ctx, "p", "i", "a").Execute()
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's deadline", err)
	}
	if elapsed := time.Since(started); elapsed > 5*time.Second {
		t.Errorf("waited %s despite the context's deadline", elapsed)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		header  string
		attempt int
		want    time.Duration
	}{
		{"5", 0, 5 * time.Second},
		{" 12 ", 3, 12 * time.Second},
		{"0", 0, time.Second}, // at least a second
		{"3600", 0, time.Minute},
		{"Sat, 01 Mar 2025 10:00:20 GMT", 0, 20 * time.Second},
		{"Sat, 01 Mar 2025 09:00:00 GMT", 0, time.Second}, // in the past
		{"", 0, 2 * time.Second},
		{"soon", 1, 4 * time.Second},
		{"", 10, time.Minute},
	}
	for _, c := range cases {
		if got := retryAfter(c.header, c.attempt, time.Minute, now); got != c.want {
			t.Errorf("retryAfter(%q, %d) = %s, want %s", c.header, c.attempt, got, c.want)
		}
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Each attempt has its own timeout (the http.Client has none, so that the waits between
// attempts do not count against it).
func TestRateLimit_attemptTimesOut(t *testing.T) {
	release := make(chan struct{})
	api := fakeAPI(t, func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	t.Cleanup(func() { close(release) })
	api.api.GetConfig().HTTPClient.Transport.(*rateLimitTransport).timeout = 50 * time.Millisecond
	started := time.Now()
	_, _, err := api.api.KafkaUsersAPI.GetKafkaUser(context.Background(), "p", "i", "app").Execute()
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want a timeout", err)
	}
	if elapsed := time.Since(started); elapsed > 5*time.Second {
		t.Errorf("took %s with a 50ms attempt timeout", elapsed)
	}
}
