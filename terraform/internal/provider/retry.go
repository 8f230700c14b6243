package provider

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// The control plane limits the rate of changes per API key and answers 429 Too Many
// Requests with a Retry-After header (seconds). A large apply (dozens of topics, users
// and ACLs, with Terraform's default parallelism of 10) runs into it; the provider waits
// as told and sends the request again, within bounds, instead of failing the apply.
const (
	// maxRateLimitRetries is how often one request is sent again after a 429.
	maxRateLimitRetries = 6
	// maxRetryAfter caps one wait, whatever Retry-After says.
	maxRetryAfter = 60 * time.Second
	// defaultRetryAfter is the first wait when a 429 carries no usable Retry-After; it
	// doubles with every further 429 (up to maxRetryAfter).
	defaultRetryAfter = 2 * time.Second
	// requestTimeout bounds one attempt (connect, send, the response body read), as the
	// http.Client timeout did before: the waits between attempts are not part of it.
	requestTimeout = 60 * time.Second
)

// rateLimitTransport sends a request again after a 429, waiting for the Retry-After the
// answer carries (bounded by maxWait; the request's context ends the wait). Requests
// whose body cannot be sent twice are not retried. Every attempt has its own timeout.
type rateLimitTransport struct {
	next       http.RoundTripper
	maxRetries int
	maxWait    time.Duration
	timeout    time.Duration
	// sleep waits d or until ctx ends (a seam for the unit tests).
	sleep func(ctx context.Context, d time.Duration) error
}

func newRateLimitTransport(next http.RoundTripper) *rateLimitTransport {
	return &rateLimitTransport{
		next:       next,
		maxRetries: maxRateLimitRetries,
		maxWait:    maxRetryAfter,
		timeout:    requestTimeout,
		sleep:      sleep,
	}
}

func (t *rateLimitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	hasBody := req.Body != nil && req.Body != http.NoBody
	canRetry := !hasBody || req.GetBody != nil
	for attempt := 0; ; attempt++ {
		try := req
		if attempt > 0 && hasBody {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			try = req.Clone(req.Context())
			try.Body = body
		}
		resp, err := t.attempt(try)
		if err != nil || resp.StatusCode != http.StatusTooManyRequests || attempt >= t.maxRetries || !canRetry {
			return resp, err
		}
		wait := retryAfter(resp.Header.Get("Retry-After"), attempt, t.maxWait, time.Now())
		// Read a little of the body so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		tflog.Warn(req.Context(), "rate limited by the control plane (429); waiting before sending the request again", map[string]any{
			"method": req.Method, "path": req.URL.Path, "wait": wait.String(), "retry": attempt + 1, "max_retries": t.maxRetries,
		})
		if err := t.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

// attempt sends one request with its own timeout, which ends when the body is closed.
func (t *rateLimitTransport) attempt(req *http.Request) (*http.Response, error) {
	if t.timeout <= 0 {
		return t.next.RoundTrip(req)
	}
	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// retryAfter is how long to wait after the attempt-th 429 (0-based): the Retry-After
// header (delay-seconds, or an HTTP date), else defaultRetryAfter doubled per attempt;
// at least one second, at most maxWait.
func retryAfter(header string, attempt int, maxWait time.Duration, now time.Time) time.Duration {
	var wait time.Duration
	header = strings.TrimSpace(header)
	if secs, err := strconv.Atoi(header); err == nil && secs >= 0 {
		wait = time.Duration(secs) * time.Second
	} else if when, err := http.ParseTime(header); err == nil {
		wait = when.Sub(now).Round(time.Second)
	} else {
		wait = defaultRetryAfter << min(attempt, 5)
	}
	if wait < time.Second {
		wait = time.Second
	}
	if wait > maxWait {
		wait = maxWait
	}
	return wait
}
