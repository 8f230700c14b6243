package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// pollInterval is how often an instance is polled while Terraform waits for it.
var pollInterval = 5 * time.Second

// maxConsecutiveErrors is how many failed polls in a row end a wait (a control plane
// restarting behind a load balancer answers a few of them).
const maxConsecutiveErrors = 5

// waitForRunning polls the instance until it is RUNNING, failing on CREATE_FAILED (with
// the API's statusReason), on deletion, and when ctx ends.
func waitForRunning(ctx context.Context, api *apiContext, id string) (*client.Instance, error) {
	var running *client.Instance
	err := pollInstance(ctx, api, id, "RUNNING", func(in *client.Instance) (bool, error) {
		if in == nil {
			return true, fmt.Errorf("instance %s disappeared while waiting for it to become RUNNING", id)
		}
		tflog.Debug(ctx, "waiting for instance", map[string]any{"instance_id": id, "status": string(in.Status)})
		switch in.Status {
		case client.INSTANCESTATUS_RUNNING:
			running = in
			return true, nil
		case client.INSTANCESTATUS_CREATE_FAILED:
			reason := "no reason given"
			if r := in.GetStatusReason(); r != "" {
				reason = r
			}
			return true, fmt.Errorf("instance %s failed to be created (CREATE_FAILED): %s", id, reason)
		case client.INSTANCESTATUS_DELETING, client.INSTANCESTATUS_DELETED:
			return true, fmt.Errorf("instance %s is %s while waiting for it to become RUNNING", id, in.Status)
		}
		return false, nil
	})
	return running, err
}

// waitForGone polls the instance until GET answers 404 or the status is DELETED.
func waitForGone(ctx context.Context, api *apiContext, id string) error {
	return pollInstance(ctx, api, id, "deleted", func(in *client.Instance) (bool, error) {
		if in == nil || in.Status == client.INSTANCESTATUS_DELETED {
			return true, nil
		}
		tflog.Debug(ctx, "waiting for instance deletion", map[string]any{"instance_id": id, "status": string(in.Status)})
		return false, nil
	})
}

// waitForOperation polls an operation (a rolling restart a PATCH started) until it has
// SUCCEEDED, failing with the operation's error when it FAILED, when it was CANCELLED (a
// scheduled operation cancelled in the console) and when ctx ends; while it
// runs, its step, percent and wait reason are logged.
func waitForOperation(ctx context.Context, api *apiContext, id string) error {
	get := func(ctx context.Context) (*client.Operation, *http.Response, error) {
		return api.api.OperationsAPI.GetOperation(ctx, api.project, id).Execute()
	}
	return poll(ctx, get, func(op *client.Operation) (string, bool, error) {
		last := fmt.Sprintf("%s, %d%%", op.Status, op.Percent)
		switch op.Status {
		case client.OPERATIONSTATUS_SUCCEEDED:
			return last, true, nil
		case client.OPERATIONSTATUS_FAILED:
			reason := op.GetError()
			if reason == "" {
				reason = "no reason given"
			}
			return last, true, fmt.Errorf("operation %s (%s) failed: %s", id, op.Type, reason)
		case client.OPERATIONSTATUS_CANCELLED:
			return last, true, fmt.Errorf("operation %s (%s) was cancelled before it began; its change was undone", id, op.Type)
		}
		tflog.Info(ctx, "waiting for operation", map[string]any{"operation_id": id, "type": string(op.Type),
			"percent": op.Percent, "step": op.GetCurrentStep(), "detail": op.GetDetail()})
		return last, false, nil
	}, func(last string, cause error) error {
		if cause == nil {
			return fmt.Errorf("timed out waiting for operation %s to finish (last %s); raise the `update` timeout in `timeouts`", id, last)
		}
		return fmt.Errorf("could not follow operation %s (last %s): %w", id, last, cause)
	})
}

// pollInstance GETs the instance every pollInterval and hands each view to seen (nil once
// GET answers 404) until seen is done, returning seen's error. want names the awaited
// state in the errors: after maxConsecutiveErrors failed polls in a row, or when ctx ends.
func pollInstance(ctx context.Context, api *apiContext, id, want string, seen func(*client.Instance) (done bool, err error)) error {
	get := func(ctx context.Context) (*client.Instance, *http.Response, error) {
		in, httpResp, err := api.api.InstancesAPI.GetInstance(ctx, api.project, id).Execute()
		if isNotFound(httpResp, err) {
			return nil, httpResp, nil // gone: seen(nil)
		}
		return in, httpResp, err
	}
	return poll(ctx, get, func(in *client.Instance) (string, bool, error) {
		last := "gone"
		if in != nil {
			last = string(in.Status)
		}
		done, err := seen(in)
		return last, done || in == nil, err
	}, func(last string, cause error) error { return waitError(ctx, id, want, last, cause) })
}

// poll GETs a resource every pollInterval and hands each answer to seen, which names its state
// and says whether the wait is over, until it is; failed GETs are retried up to
// maxConsecutiveErrors in a row. failed makes the error of a wait that cannot go on: cause is
// nil when ctx ended, else the last API error.
func poll[T any](ctx context.Context, get func(context.Context) (*T, *http.Response, error),
	seen func(*T) (state string, done bool, err error), failed func(last string, cause error) error) error {
	last := "unknown"
	failures := 0
	for {
		v, _, err := get(ctx)
		switch {
		case err != nil:
			failures++
			if ctx.Err() != nil {
				return failed(last, nil)
			}
			if failures >= maxConsecutiveErrors {
				return failed(last, errors.New(describeAPIError(err)))
			}
		default:
			failures = 0
			state, done, err := seen(v)
			last = state
			if done {
				return err
			}
		}
		if sleep(ctx, pollInterval) != nil {
			return failed(last, nil)
		}
	}
}

func waitError(ctx context.Context, id, want, last string, cause error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("timed out waiting for instance %s to be %s (last status %s); raise the timeout in `timeouts`", id, want, last)
	}
	return fmt.Errorf("could not follow instance %s (last status %s): %w", id, last, cause)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// awaitVisible calls get until it finds the thing (a user or an ACL just created; the
// brokers learn of it within moments), for at most topicSettleTimeout: a 404 is read
// again, another API error ends the wait at once.
func awaitVisible[T any](ctx context.Context, what string, get func(context.Context) (*T, *http.Response, error)) (*T, error) {
	ctx, cancel := context.WithTimeout(ctx, topicSettleTimeout)
	defer cancel()
	for {
		v, httpResp, err := get(ctx)
		switch {
		case isNotFound(httpResp, err):
		case err != nil:
			return nil, errors.New(describeAPIError(err))
		default:
			return v, nil
		}
		tflog.Debug(ctx, "not visible yet", map[string]any{"what": what})
		if sleep(ctx, pollInterval) != nil {
			return nil, fmt.Errorf("%s is still not found %s after its creation", what, topicSettleTimeout)
		}
	}
}
