package provider

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// An ACL id as the API might derive it from the fields: it may hold characters that
// need escaping in a URL path, a slash included.
const testACLID = "TOPIC:LITERAL:orders/v1:User:orders-app:*:READ:ALLOW"

func aclPlan() aclModel {
	return aclModel{
		ID:           types.StringUnknown(),
		ACLID:        types.StringUnknown(),
		InstanceID:   types.StringValue(testInstanceID),
		ResourceType: types.StringValue("TOPIC"),
		ResourceName: types.StringValue("orders."),
		PatternType:  types.StringValue("PREFIXED"),
		Principal:    types.StringValue("User:orders-app"),
		Host:         types.StringValue("10.0.0.7"),
		Operation:    types.StringValue("WRITE"),
		Permission:   types.StringValue("ALLOW"),
	}
}

func TestParseACLID(t *testing.T) {
	instanceID, id, err := aclKind.parse(aclKind.id(testInstanceID, testACLID))
	if err != nil || instanceID != testInstanceID || id != testACLID {
		t.Errorf("parse = %q, %q, %v; want the ACL id whole, slash included", instanceID, id, err)
	}
	for _, bad := range []string{"", testInstanceID, testInstanceID + "/", "/" + testACLID, " /x"} {
		if _, _, err := aclKind.parse(bad); err == nil || !strings.Contains(err.Error(), "<instance_id>/<acl id>") {
			t.Errorf("aclKind.parse(%q) = %v, want an error naming the expected form", bad, err)
		}
	}
}

func TestToAclCreate(t *testing.T) {
	got, _ := json.Marshal(toAclCreate(aclPlan()))
	want := `{"host":"10.0.0.7","operation":"WRITE","patternType":"PREFIXED","permission":"ALLOW",` +
		`"principal":"User:orders-app","resourceName":"orders.","resourceType":"TOPIC"}`
	if string(got) != want {
		t.Errorf("create = %s\nwant     %s", got, want)
	}

	// The schema defaults are always in the plan; should they not be, the API's are sent.
	plan := aclPlan()
	plan.PatternType, plan.Host = types.StringUnknown(), types.StringNull()
	got, _ = json.Marshal(toAclCreate(plan))
	if !strings.Contains(string(got), `"patternType":"LITERAL"`) || !strings.Contains(string(got), `"host":"*"`) {
		t.Errorf("create = %s, want LITERAL and *", got)
	}
}

func TestFromAcl(t *testing.T) {
	var a client.Acl
	if err := json.Unmarshal([]byte(`{"id": "`+testACLID+`", "resourceType": "TOPIC", "resourceName": "orders/v1",
	  "patternType": "LITERAL", "principal": "User:orders-app", "host": "*", "operation": "READ", "permission": "ALLOW"}`), &a); err != nil {
		t.Fatal(err)
	}
	m := fromAcl(testInstanceID, a)
	want := aclModel{
		ID:           types.StringValue(testInstanceID + "/" + testACLID),
		ACLID:        types.StringValue(testACLID),
		InstanceID:   types.StringValue(testInstanceID),
		ResourceType: types.StringValue("TOPIC"),
		ResourceName: types.StringValue("orders/v1"),
		PatternType:  types.StringValue("LITERAL"),
		Principal:    types.StringValue("User:orders-app"),
		Host:         types.StringValue("*"),
		Operation:    types.StringValue("READ"),
		Permission:   types.StringValue("ALLOW"),
	}
	if m != want {
		t.Errorf("state = %+v\nwant    %+v", m, want)
	}
}

// pattern_type and host show the API's defaults in the plan, and every argument
// replaces the ACL.
func TestACLSchema_defaultsAndReplacement(t *testing.T) {
	ctx := context.Background()
	var s resource.SchemaResponse
	NewACLResource().Schema(ctx, resource.SchemaRequest{}, &s)
	for attr, want := range map[string]string{"pattern_type": "LITERAL", "host": "*"} {
		a := s.Schema.Attributes[attr].(schema.StringAttribute)
		resp := &defaults.StringResponse{}
		a.Default.DefaultString(ctx, defaults.StringRequest{}, resp)
		if resp.PlanValue.ValueString() != want {
			t.Errorf("%s default = %v, want %q", attr, resp.PlanValue, want)
		}
	}
	for name, a := range s.Schema.Attributes {
		sa, ok := a.(schema.StringAttribute)
		if !ok || sa.Computed && !sa.Optional {
			continue // id, acl_id
		}
		if len(sa.PlanModifiers) == 0 || !strings.Contains(sa.PlanModifiers[0].Description(ctx), "destroy and recreate") {
			t.Errorf("%s does not replace the ACL: %v", name, sa.PlanModifiers)
		}
	}
}

// The ACL id goes into the URL path escaped, a slash included, so that the control plane
// sees one path segment.
func TestACLID_isEscapedInThePath(t *testing.T) {
	var requestURI string
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		requestURI = r.RequestURI
		w.WriteHeader(http.StatusNoContent)
	})
	if _, err := api.api.AclsAPI.DeleteAcl(context.Background(), "p", testInstanceID, testACLID).Execute(); err != nil {
		t.Fatal(describeAPIError(err))
	}
	want := "/api/v1/projects/p/instances/" + testInstanceID + "/acls/TOPIC:LITERAL:orders%2Fv1:User:orders-app:%2A:READ:ALLOW"
	if requestURI != want {
		t.Errorf("request URI = %s\nwant          %s", requestURI, want)
	}
}
