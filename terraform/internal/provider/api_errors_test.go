package provider

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// serveProblem answers every request with one problem document.
func serveProblem(t *testing.T, status int, body string) *apiContext {
	t.Helper()
	api := fakeAPI(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
	return api
}

func TestAPIErrorDiag_showsTitleDetailAndFieldErrors(t *testing.T) {
	api := serveProblem(t, 400, `{"type":"https://tributary.io/problems/validation-failed","title":"Validation failed",
	  "status":400,"code":"VALIDATION_FAILED","detail":"The order is invalid.",
	  "errors":[{"field":"availabilityZones","message":"one zone, or three and more; never two"}]}`)
	_, _, err := api.api.InstancesAPI.GetInstance(context.Background(), "p", "i").Execute()
	d := apiErrorDiag("Could not create the instance", err)

	if d.Summary() != "Could not create the instance" {
		t.Errorf("summary = %q", d.Summary())
	}
	for _, want := range []string{"Validation failed", "HTTP 400, VALIDATION_FAILED", "The order is invalid.",
		"availabilityZones: one zone, or three and more; never two"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail %q lacks %q", d.Detail(), want)
		}
	}
}

func TestAPIErrorDiag_fieldErrorsTheDetailRepeatsAreShownOnce(t *testing.T) {
	api := serveProblem(t, 400, `{"type":"about:blank","title":"The request is invalid","status":400,
	  "code":"VALIDATION_FAILED","detail":"availabilityZones: choose one zone, or three or more",
	  "errors":[{"field":"availabilityZones","message":"choose one zone, or three or more"},
	            {"field":"storageGb","message":"must be at least 100"}]}`)
	_, _, err := api.api.InstancesAPI.GetInstance(context.Background(), "p", "i").Execute()
	got := describeAPIError(err)
	if n := strings.Count(got, "choose one zone"); n != 1 {
		t.Errorf("zone message %d times in %q", n, got)
	}
	if !strings.Contains(got, "\n  - storageGb: must be at least 100") {
		t.Errorf("storageGb error missing from %q", got)
	}
}

func TestAPIErrorDiag_undeclaredStatusStillDecodesTheProblem(t *testing.T) {
	api := serveProblem(t, 422, `{"type":"about:blank","title":"Unprocessable","status":422,"code":"X","detail":"nope"}`)
	_, _, err := api.api.InstancesAPI.GetInstance(context.Background(), "p", "i").Execute()
	if got := describeAPIError(err); !strings.Contains(got, "Unprocessable") || !strings.Contains(got, "nope") {
		t.Errorf("describeAPIError = %q", got)
	}
}

func TestAPIErrorDiag_nonProblemBodyIsShownTruncated(t *testing.T) {
	api := serveProblem(t, 502, strings.Repeat("x", 2000))
	_, _, err := api.api.InstancesAPI.GetInstance(context.Background(), "p", "i").Execute()
	got := describeAPIError(err)
	if !strings.Contains(got, "502") || len(got) > 600 {
		t.Errorf("describeAPIError = %q (%d chars)", got, len(got))
	}
}

func TestIsNotFound(t *testing.T) {
	api := serveProblem(t, 404, `{"type":"about:blank","title":"Not found","status":404,"code":"NOT_FOUND"}`)
	_, httpResp, err := api.api.InstancesAPI.GetInstance(context.Background(), "p", "i").Execute()
	if !isNotFound(httpResp, err) {
		t.Errorf("isNotFound = false for a 404")
	}
	api = serveProblem(t, 409, `{"type":"about:blank","title":"Conflict","status":409,"code":"CONFLICT"}`)
	_, httpResp, err = api.api.InstancesAPI.GetInstance(context.Background(), "p", "i").Execute()
	if isNotFound(httpResp, err) {
		t.Errorf("isNotFound = true for a 409")
	}
}
