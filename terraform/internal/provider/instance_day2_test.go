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
