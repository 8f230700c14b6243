package provider

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
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

func TestSplitUpgrade_anUpgradeGoesAloneAndFirst(t *testing.T) {
	v, flavor := "4.3.1", "kafka.4u8g"
	if got := splitUpgrade(nil); got != nil {
		t.Errorf("nothing to send: %v", got)
	}
	only := splitUpgrade(&client.InstanceUpdate{KafkaVersion: &v})
	if len(only) != 1 || *only[0].KafkaVersion != v {
		t.Errorf("an upgrade alone: %+v", only)
	}
	both := splitUpgrade(&client.InstanceUpdate{KafkaVersion: &v, Flavor: &flavor})
	if len(both) != 2 || both[0].KafkaVersion == nil || both[0].Flavor != nil || both[1].KafkaVersion != nil || *both[1].Flavor != flavor {
		t.Errorf("upgrade, then the flavor: %+v", both)
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
