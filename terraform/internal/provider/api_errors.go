package provider

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// apiErrorDiag turns an error of the generated client into a diagnostic. API errors are
// RFC 9457 problem documents: their title, detail, code and field errors are shown, so
// the user reads the control plane's own message (e.g. why two availability zones are
// refused).
func apiErrorDiag(summary string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic(summary, describeAPIError(err))
}

func describeAPIError(err error) string {
	if err == nil {
		return ""
	}
	var apiErr *client.GenericOpenAPIError
	if !errors.As(err, &apiErr) {
		return err.Error()
	}
	p, ok := problemOf(apiErr)
	if !ok {
		if body := strings.TrimSpace(string(apiErr.Body())); body != "" {
			return fmt.Sprintf("%s: %s", apiErr.Error(), truncate(body, 500))
		}
		return apiErr.Error()
	}
	return formatProblem(p)
}

// problemOf returns the problem document of an API error, whether the generated client
// decoded it (declared statuses) or not (anything else with a problem+json body).
func problemOf(apiErr *client.GenericOpenAPIError) (client.Problem, bool) {
	switch m := apiErr.Model().(type) {
	case client.Problem:
		return m, true
	case *client.Problem:
		if m != nil {
			return *m, true
		}
	}
	var p client.Problem
	if len(apiErr.Body()) > 0 && json.Unmarshal(apiErr.Body(), &p) == nil && p.Title != "" {
		return p, true
	}
	return client.Problem{}, false
}

// problemCode is the stable code of an API error's problem document; "" for anything else.
func problemCode(err error) string {
	var apiErr *client.GenericOpenAPIError
	if !errors.As(err, &apiErr) {
		return ""
	}
	p, _ := problemOf(apiErr)
	return p.Code
}

func formatProblem(p client.Problem) string {
	var b strings.Builder
	b.WriteString(p.Title)
	if p.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d", p.Status)
		if p.Code != "" {
			fmt.Fprintf(&b, ", %s", p.Code)
		}
		b.WriteString(")")
	}
	if d := p.GetDetail(); d != "" {
		b.WriteString(": ")
		b.WriteString(d)
	}
	for _, fe := range p.GetErrors() {
		line := fe.Field + ": " + fe.Message
		if strings.Contains(p.GetDetail(), line) {
			continue // the detail already says it
		}
		fmt.Fprintf(&b, "\n  - %s", line)
	}
	return b.String()
}

// isNotFound reports whether the call answered 404.
func isNotFound(httpResp *http.Response, err error) bool {
	if httpResp != nil && httpResp.StatusCode == http.StatusNotFound {
		return true
	}
	var apiErr *client.GenericOpenAPIError
	if errors.As(err, &apiErr) {
		if p, ok := problemOf(apiErr); ok && p.Status == http.StatusNotFound {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
