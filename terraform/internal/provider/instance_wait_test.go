package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeInstanceAPI answers GET instance with the statuses given, one per call (the last
// one repeats); "404" answers Not Found.
func fakeInstanceAPI(t *testing.T, statuses ...string) (*apiContext, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer trb_test" {
			t.Errorf("Authorization = %q", r.Header.Get("Authorization"))
		}
		n := int(calls.Add(1)) - 1
		if n >= len(statuses) {
			n = len(statuses) - 1
		}
		if statuses[n] == "404" {
			writeNotFound(w)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, strings.Replace(strings.Replace(apiInstanceJSON, `"status": "RUNNING", "statusReason": null`,
			fmt.Sprintf(`"status": %q, "statusReason": "3 brokers need 3 hosts in az2"`, statuses[n]), 1), "\n", " ", -1))
	})
	fastPolling(t)
	return api, &calls
}

func TestWaitForRunning_pollsUntilRunning(t *testing.T) {
	api, calls := fakeInstanceAPI(t, "CREATING", "CREATING", "RUNNING")
	in, err := waitForRunning(context.Background(), api, "i")
	if err != nil {
		t.Fatal(err)
	}
	if in.Status != "RUNNING" || calls.Load() != 3 {
		t.Errorf("status %s after %d calls", in.Status, calls.Load())
	}
}

func TestWaitForRunning_createFailedCarriesTheReason(t *testing.T) {
	api, _ := fakeInstanceAPI(t, "CREATING", "CREATE_FAILED")
	_, err := waitForRunning(context.Background(), api, "i")
	if err == nil || !strings.Contains(err.Error(), "CREATE_FAILED") || !strings.Contains(err.Error(), "3 brokers need 3 hosts in az2") {
		t.Fatalf("err = %v", err)
	}
}

func TestWaitForRunning_timesOut(t *testing.T) {
	api, _ := fakeInstanceAPI(t, "CREATING")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := waitForRunning(ctx, api, "i")
	if err == nil || !strings.Contains(err.Error(), "timed out") || !strings.Contains(err.Error(), "last status CREATING") {
		t.Fatalf("err = %v", err)
	}
}

func TestWaitForGone_untilNotFoundOrDeleted(t *testing.T) {
	api, calls := fakeInstanceAPI(t, "DELETING", "DELETING", "404")
	if err := waitForGone(context.Background(), api, "i"); err != nil || calls.Load() != 3 {
		t.Fatalf("err = %v after %d calls", err, calls.Load())
	}
	api, calls = fakeInstanceAPI(t, "DELETING", "DELETED")
	if err := waitForGone(context.Background(), api, "i"); err != nil || calls.Load() != 2 {
		t.Fatalf("err = %v after %d calls", err, calls.Load())
	}
}

// fakeOperationAPI answers GET operation with the statuses given, one per call (the last
// one repeats); a FAILED operation carries the roller's reason.
func fakeOperationAPI(t *testing.T, statuses ...string) (*apiContext, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/projects/p/operations/op-1" {
			t.Errorf("GET %s, want the operation", r.URL.Path)
		}
		n := int(calls.Add(1)) - 1
		if n >= len(statuses) {
			n = len(statuses) - 1
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id": "op-1", "instanceId": "i", "type": "RESTART_BROKERS", "status": %q, "percent": %d,
		  "currentStep": "restart broker 2", "detail": "waiting for broker 1 to rejoin every ISR",
		  "error": %s, "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:01:00Z"}`,
			statuses[n], 30*n, map[bool]string{true: `"broker 2 stayed out of the ISR of orders-0 for 5 minutes"`, false: "null"}[statuses[n] == "FAILED"])
	})
	fastPolling(t)
	return api, &calls
}

func TestWaitForOperation_pollsUntilSucceeded(t *testing.T) {
	api, calls := fakeOperationAPI(t, "PENDING", "RUNNING", "RUNNING", "SUCCEEDED")
	if err := waitForOperation(context.Background(), api, "op-1"); err != nil || calls.Load() != 4 {
		t.Fatalf("err = %v after %d calls", err, calls.Load())
	}
}

func TestWaitForOperation_failureCarriesTheReason(t *testing.T) {
	api, _ := fakeOperationAPI(t, "RUNNING", "FAILED")
	err := waitForOperation(context.Background(), api, "op-1")
	if err == nil || !strings.Contains(err.Error(), "RESTART_BROKERS") || !strings.Contains(err.Error(), "stayed out of the ISR") {
		t.Fatalf("err = %v", err)
	}
}

func TestWaitForOperation_aCancelledOperationEndsTheWaitWithAnError(t *testing.T) {
	api, calls := fakeOperationAPI(t, "PENDING", "CANCELLED", "SUCCEEDED")
	err := waitForOperation(context.Background(), api, "op-1")
	if err == nil || !strings.Contains(err.Error(), "cancelled") || calls.Load() != 2 {
		t.Fatalf("err = %v after %d calls", err, calls.Load())
	}
}

func TestWaitForOperation_timesOut(t *testing.T) {
	api, _ := fakeOperationAPI(t, "RUNNING")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := waitForOperation(ctx, api, "op-1")
	if err == nil || !strings.Contains(err.Error(), "timed out") || !strings.Contains(err.Error(), "update") {
		t.Fatalf("err = %v", err)
	}
}
