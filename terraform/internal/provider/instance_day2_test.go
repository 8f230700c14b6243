package provider

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

func TestStorageOnlyGrows(t *testing.T) {
	plan := func(state, planned int64) *planmodifier.Int64Response {
		resp := &planmodifier.Int64Response{PlanValue: types.Int64Value(planned)}
		storageOnlyGrows().PlanModifyInt64(context.Background(), planmodifier.Int64Request{
			Path: path.Root("storage_gb"), StateValue: types.Int64Value(state), PlanValue: types.Int64Value(planned),
		}, resp)
		return resp
	}
	if resp := plan(100, 200); resp.Diagnostics.HasError() {
		t.Errorf("growing 100 → 200 GB: %v", resp.Diagnostics)
	}
	if resp := plan(100, 100); resp.Diagnostics.HasError() {
		t.Errorf("keeping 100 GB: %v", resp.Diagnostics)
	}
	resp := plan(200, 150)
	if !resp.Diagnostics.HasError() {
		t.Fatal("shrinking 200 → 150 GB planned without an error")
	}
	if d := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(d, "cannot shrink to 150 GB") || !strings.Contains(d, "-replace") {
		t.Errorf("detail = %q", d)
	}

	created := &planmodifier.Int64Response{PlanValue: types.Int64Value(50)}
	storageOnlyGrows().PlanModifyInt64(context.Background(), planmodifier.Int64Request{
		StateValue: types.Int64Null(), PlanValue: types.Int64Value(50)}, created)
	if created.Diagnostics.HasError() {
		t.Errorf("a new instance has no storage to shrink: %v", created.Diagnostics)
	}
}

// Destroying a protected instance fails at once and says how to get out, instead of
// waiting for a deletion that never starts.
func TestDelete_protectedInstanceFailsWithTheWayOut(t *testing.T) {
	var gets atomic.Int32
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			gets.Add(1)
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusConflict)
		_, _ = w.Write([]byte(`{"type":"about:blank","title":"The instance is protected from deletion","status":409,
		  "code":"DELETION_PROTECTED","detail":"turn deletionProtection off first"}`))
	})
	fastPolling(t)

	ctx := context.Background()
	r := &instanceResource{resourceAPI{api: api}}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	m := fullPlan()
	m.ID = types.StringValue("i")
	m.Timeouts = timeouts.Value{Object: types.ObjectNull(timeoutAttrTypes(sch))}
	state := tfsdk.State{Schema: sch.Schema}
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)

	if !resp.Diagnostics.HasError() {
		t.Fatal("destroying a protected instance succeeded")
	}
	d := resp.Diagnostics.Errors()[0]
	if !strings.Contains(d.Summary(), "protected") || !strings.Contains(d.Detail(), "deletion_protection = false") ||
		!strings.Contains(d.Detail(), "DELETION_PROTECTED") {
		t.Errorf("diagnostic = %q: %q", d.Summary(), d.Detail())
	}
	if gets.Load() != 0 {
		t.Errorf("waited for the deletion (%d GETs) although none was started", gets.Load())
	}
}

func timeoutAttrTypes(sch resource.SchemaResponse) map[string]attr.Type {
	return sch.Schema.Attributes["timeouts"].GetType().(timeouts.Type).AttrTypes
}

// The API takes a Kafka upgrade and a broker count only on their own: each goes in a PATCH of
// its own, the upgrade first, then the count, then the rest together.
func TestSplitUpdate_upgradeThenBrokerCountEachAloneThenTheRest(t *testing.T) {
	v, flavor, brokers, storage := "4.3.1", "kafka.4u8g", int32(4), int32(200)
	bodies := func(patches []instancePatch) []client.InstanceUpdate {
		var b []client.InstanceUpdate
		for _, p := range patches {
			b = append(b, p.body)
		}
		return b
	}
	changes := func(patches []instancePatch) []string {
		var c []string
		for _, p := range patches {
			c = append(c, p.change)
		}
		return c
	}

	if got := splitUpdate(nil); got != nil {
		t.Errorf("nothing to send: %v", got)
	}
	all := splitUpdate(&client.InstanceUpdate{KafkaVersion: &v, BrokerCount: &brokers, Flavor: &flavor, StorageGb: &storage})
	assertJSON(t, bodies(all), `[{"kafkaVersion": "4.3.1"}, {"brokerCount": 4}, {"flavor": "kafka.4u8g", "storageGb": 200}]`)
	if got := strings.Join(changes(all), ", "); got != "upgrade Kafka, change the broker count, update the instance" {
		t.Errorf("changes = %s", got)
	}

	assertJSON(t, bodies(splitUpdate(&client.InstanceUpdate{KafkaVersion: &v})), `[{"kafkaVersion": "4.3.1"}]`)
	assertJSON(t, bodies(splitUpdate(&client.InstanceUpdate{BrokerCount: &brokers})), `[{"brokerCount": 4}]`)
	assertJSON(t, bodies(splitUpdate(&client.InstanceUpdate{KafkaVersion: &v, Flavor: &flavor})),
		`[{"kafkaVersion": "4.3.1"}, {"flavor": "kafka.4u8g"}]`)
	assertJSON(t, bodies(splitUpdate(&client.InstanceUpdate{BrokerCount: &brokers, StorageGb: &storage})),
		`[{"brokerCount": 4}, {"storageGb": 200}]`)
	assertJSON(t, bodies(splitUpdate(&client.InstanceUpdate{Flavor: &flavor})), `[{"flavor": "kafka.4u8g"}]`)

	// Whether a scale-out rebalances goes with the count, not with the rest.
	noRebalance := false
	assertJSON(t, bodies(splitUpdate(&client.InstanceUpdate{BrokerCount: &brokers, Rebalance: &noRebalance, Flavor: &flavor})),
		`[{"brokerCount": 4, "rebalance": false}, {"flavor": "kafka.4u8g"}]`)

	// The caller's update is left as it was.
	upd := client.InstanceUpdate{KafkaVersion: &v, BrokerCount: &brokers, Flavor: &flavor}
	splitUpdate(&upd)
	if upd.KafkaVersion == nil || upd.BrokerCount == nil || upd.Flavor == nil {
		t.Errorf("splitUpdate changed its argument: %+v", upd)
	}
}

// scaleAPI is a control plane for the in-place changes: each PATCH answers 202 with an
// operation of its own (op-1, op-2, ...), which runs for one poll and then succeeds, or the
// problem refuse returns for it. It records the requests in order ("PATCH {body}", "GET op-1",
// "GET instance").
type scaleAPI struct {
	t        *testing.T
	refuse   func(body string) (status int, problem string)
	mu       sync.Mutex
	requests []string
	polls    map[string]int
}

func (f *scaleAPI) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	const instancePath = "/api/v1/projects/p/instances/" + "6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c"
	patches := 0
	for _, req := range f.requests {
		if strings.HasPrefix(req, "PATCH") {
			patches++
		}
	}
	switch {
	case r.Method == http.MethodPatch && r.URL.Path == instancePath:
		body, _ := io.ReadAll(r.Body)
		f.requests = append(f.requests, "PATCH "+strings.TrimSpace(string(body)))
		if f.refuse != nil {
			if status, problem := f.refuse(string(body)); status != 0 {
				w.Header().Set("Content-Type", "application/problem+json")
				w.WriteHeader(status)
				_, _ = w.Write([]byte(problem))
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte(strings.Replace(apiInstanceJSON, `"currentOperationId": null`,
			fmt.Sprintf(`"currentOperationId": "op-%d"`, patches+1), 1)))
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/v1/projects/p/operations/"):
		op := strings.TrimPrefix(r.URL.Path, "/api/v1/projects/p/operations/")
		f.requests = append(f.requests, "GET "+op)
		f.polls[op]++
		status := map[bool]string{true: "RUNNING", false: "SUCCEEDED"}[f.polls[op] == 1]
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id": %q, "instanceId": "i", "type": "SCALE_OUT", "status": %q, "percent": 50,
		  "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:01:00Z"}`, op, status)
	case r.Method == http.MethodGet && r.URL.Path == instancePath:
		f.requests = append(f.requests, "GET instance")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(apiInstanceJSON))
	default:
		f.t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
	}
}

func newScaleAPI(t *testing.T) (*scaleAPI, *instanceResource) {
	f := &scaleAPI{t: t, polls: map[string]int{}}
	api := fakeAPI(t, f.serve)
	fastPolling(t)
	return f, &instanceResource{resourceAPI{api: api}}
}

// instanceState is fullPlan as the state of the instance apiInstanceJSON is.
func instanceState() instanceModel {
	m := fullPlan()
	m.ID = types.StringValue("6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c")
	return m
}

// An upgrade, a new broker count and a new flavor in one apply: three PATCHes, each sent only
// after the previous one's operation succeeded.
func TestApplyInPlaceChanges_upgradeThenBrokerCountThenTheRestEachAfterItsOperation(t *testing.T) {
	f, r := newScaleAPI(t)
	state := instanceState()
	plan := state
	plan.KafkaVersion = types.StringValue("4.3.1")
	plan.BrokerCount = types.Int64Value(4)
	plan.Flavor = types.StringValue("kafka.4u8g")

	_, diags := r.applyInPlaceChanges(context.Background(), plan, state)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := []string{
		`PATCH {"kafkaVersion":"4.3.1"}`, "GET op-1", "GET op-1", "GET instance",
		`PATCH {"brokerCount":4}`, "GET op-2", "GET op-2", "GET instance",
		`PATCH {"flavor":"kafka.4u8g"}`, "GET op-3", "GET op-3", "GET instance",
	}
	if got := strings.Join(f.requests, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// A scale-in alone (4 → 3) is one PATCH of the count, waited for.
func TestApplyInPlaceChanges_scaleInAloneIsWaitedFor(t *testing.T) {
	f, r := newScaleAPI(t)
	state := instanceState()
	state.BrokerCount = types.Int64Value(4)
	plan := state
	plan.BrokerCount = types.Int64Value(3)

	newState, diags := r.applyInPlaceChanges(context.Background(), plan, state)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := `PATCH {"brokerCount":3}|GET op-1|GET op-1|GET instance`
	if got := strings.Join(f.requests, "|"); got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
	if newState.BrokerCount.ValueInt64() != 3 {
		t.Errorf("broker_count = %v after the scale-in, want the API's 3", newState.BrokerCount)
	}
}

// A scale-in the API refuses (a topic replicated on more brokers than would be left) fails
// with the API's reason, and the changes after it are not sent.
func TestApplyInPlaceChanges_refusedScaleInShowsTheReasonAndStops(t *testing.T) {
	f, r := newScaleAPI(t)
	f.refuse = func(body string) (int, string) {
		if !strings.Contains(body, "brokerCount") {
			return 0, ""
		}
		return http.StatusBadRequest, `{"type":"about:blank","title":"The request is invalid","status":400,
		  "code":"VALIDATION_FAILED","detail":"brokerCount: topic orders has replication factor 4, more than the 3 brokers that would be left",
		  "errors":[{"field":"brokerCount","message":"topic orders has replication factor 4, more than the 3 brokers that would be left"}]}`
	}
	state := instanceState()
	state.BrokerCount = types.Int64Value(4)
	plan := state
	plan.BrokerCount = types.Int64Value(3)
	plan.StorageGB = types.Int64Value(200)

	_, diags := r.applyInPlaceChanges(context.Background(), plan, state)
	if !diags.HasError() {
		t.Fatal("a refused scale-in succeeded")
	}
	d := diags.Errors()[0]
	if d.Summary() != "Could not change the broker count" ||
		!strings.Contains(d.Detail(), "topic orders has replication factor 4, more than the 3 brokers that would be left") {
		t.Errorf("diagnostic = %q: %q", d.Summary(), d.Detail())
	}
	if got := strings.Join(f.requests, "|"); got != `PATCH {"brokerCount":3}` {
		t.Errorf("requests = %s, want only the refused PATCH", got)
	}
}

// broker_count changes in place (no replacement) and a count below three is a plan error.
func TestBrokerCountSchema_inPlaceAndAtLeastThree(t *testing.T) {
	ctx := context.Background()
	var sch resource.SchemaResponse
	(&instanceResource{}).Schema(ctx, resource.SchemaRequest{}, &sch)
	attr := sch.Schema.Attributes["broker_count"].(schema.Int64Attribute)
	if len(attr.PlanModifiers) != 0 {
		t.Errorf("broker_count has plan modifiers %v; a new count must not replace the instance", attr.PlanModifiers)
	}
	validate := func(n int64) bool {
		var resp validator.Int64Response
		for _, v := range attr.Validators {
			v.ValidateInt64(ctx, validator.Int64Request{Path: path.Root("broker_count"), ConfigValue: types.Int64Value(n)}, &resp)
		}
		return !resp.Diagnostics.HasError()
	}
	for n, ok := range map[int64]bool{2: false, 3: true, 4: true, 50: true, math.MaxInt32: true, math.MaxInt32 + 1: false} {
		if validate(n) != ok {
			t.Errorf("broker_count = %d: valid %t, want %t", n, !ok, ok)
		}
	}
}

func TestKafkaVersionOnlyUpgrades(t *testing.T) {
	plan := func(state, planned string) *planmodifier.StringResponse {
		resp := &planmodifier.StringResponse{PlanValue: types.StringValue(planned)}
		kafkaVersionOnlyUpgrades{}.PlanModifyString(context.Background(), planmodifier.StringRequest{
			Path: path.Root("kafka_version"), StateValue: types.StringValue(state), PlanValue: types.StringValue(planned),
		}, resp)
		return resp
	}
	if resp := plan("4.1.1", "4.3.1"); resp.Diagnostics.HasError() {
		t.Errorf("upgrading: %v", resp.Diagnostics)
	}
	if resp := plan("4.3.1", "4.10.0"); resp.Diagnostics.HasError() {
		t.Errorf("4.10.0 is newer than 4.3.1: %v", resp.Diagnostics)
	}
	resp := plan("4.3.1", "4.1.1")
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "4.1.1 is older") {
		t.Fatalf("going back planned: %v", resp.Diagnostics)
	}
}
