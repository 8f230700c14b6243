package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// ---------------------------------------------------------------------------------------
// Unit tests: the resource's calls against a fake API
// ---------------------------------------------------------------------------------------

// fakeUsersAPI serves the users endpoints of one instance and records the calls
// ("METHOD path body"). GET of a user answers 404 `notVisibleFor` times after its
// creation, as a broker that has not yet learnt of it.
type fakeUsersAPI struct {
	mu            sync.Mutex
	calls         []string
	users         map[string]bool // name -> admin
	notVisibleFor int
}

func newFakeUsersAPI(t *testing.T) (*apiContext, *fakeUsersAPI) {
	t.Helper()
	f := &fakeUsersAPI{users: map[string]bool{"admin": true}}
	base := "/api/v1/projects/p/instances/" + testInstanceID + "/users"
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		defer f.mu.Unlock()
		f.calls = append(f.calls, strings.TrimSpace(r.Method+" "+strings.TrimPrefix(r.URL.Path, base)+" "+string(body)))
		rest := strings.TrimPrefix(r.URL.Path, base)
		name, action, _ := strings.Cut(strings.TrimPrefix(rest, "/"), "/")
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && rest == "":
			var req client.KafkaUserCreate
			_ = json.Unmarshal(body, &req)
			password := req.GetPassword()
			if password == "" {
				password = "generated-pass-1"
			}
			f.users[req.Name] = false
			w.WriteHeader(http.StatusCreated)
			fmt.Fprintf(w, `{"name":%q,"password":%q}`, req.Name, password)
		case r.Method == http.MethodPost && action == "password-resets":
			var req client.KafkaPasswordReset
			_ = json.Unmarshal(body, &req)
			fmt.Fprintf(w, `{"name":%q,"password":%q}`, name, req.GetPassword())
		case r.Method == http.MethodGet && action == "":
			admin, ok := f.users[name]
			if !ok || f.notVisibleFor > 0 {
				f.notVisibleFor--
				writeNotFound(w)
				return
			}
			fmt.Fprintf(w, `{"name":%q,"mechanisms":["SCRAM-SHA-512"],"admin":%t,"createdAt":"2025-03-01T10:00:00Z"}`, name, admin)
		case r.Method == http.MethodDelete && action == "":
			delete(f.users, name)
			w.WriteHeader(http.StatusNoContent)
		default:
			w.WriteHeader(http.StatusTeapot)
		}
	})
	fastPolling(t)
	return api, f
}

func (f *fakeUsersAPI) recorded() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func userResourceWith(api *apiContext) (*userResource, resource.SchemaResponse) {
	r := &userResource{resourceAPI{api: api}}
	var s resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &s)
	return r, s
}

func TestUserResource_createWithoutPasswordKeepsTheGeneratedOne(t *testing.T) {
	ctx := context.Background()
	api, fake := newFakeUsersAPI(t)
	fake.notVisibleFor = 2
	r, s := userResourceWith(api)

	plan := userModel{
		ID: types.StringUnknown(), InstanceID: types.StringValue(testInstanceID), Name: types.StringValue("orders-app"),
		Password: types.StringUnknown(), Mechanisms: types.SetUnknown(types.StringType), Admin: types.BoolUnknown(),
	}
	req := resource.CreateRequest{Plan: tfsdk.Plan{Schema: s.Schema}}
	if d := req.Plan.Set(ctx, &plan); d.HasError() {
		t.Fatal(d)
	}
	resp := &resource.CreateResponse{State: tfsdk.State{Schema: s.Schema}}
	r.Create(ctx, req, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	var got userModel
	resp.State.Get(ctx, &got)
	if got.Password.ValueString() != "generated-pass-1" || got.ID.ValueString() != testInstanceID+"/orders-app" ||
		!got.Mechanisms.Equal(strSet("SCRAM-SHA-512")) || !got.Admin.Equal(types.BoolValue(false)) {
		t.Errorf("state = %+v", got)
	}
	calls := fake.recorded()
	if calls[0] != `POST  {"name":"orders-app"}` {
		t.Errorf("first call = %q, want a create without a password", calls[0])
	}
	if n := strings.Count(strings.Join(calls, "\n"), "GET /orders-app"); n != 3 {
		t.Errorf("%d reads, want 3 (two 404s while the brokers learn of the user): %v", n, calls)
	}
}

func TestUserResource_updateResetsAChangedPasswordOnly(t *testing.T) {
	ctx := context.Background()
	api, fake := newFakeUsersAPI(t)
	r, s := userResourceWith(api)

	update := func(state, plan userModel) userModel {
		t.Helper()
		req := resource.UpdateRequest{Plan: tfsdk.Plan{Schema: s.Schema}, State: tfsdk.State{Schema: s.Schema}}
		req.Plan.Set(ctx, &plan)
		req.State.Set(ctx, &state)
		resp := &resource.UpdateResponse{State: tfsdk.State{Schema: s.Schema}}
		r.Update(ctx, req, resp)
		if resp.Diagnostics.HasError() {
			t.Fatal(resp.Diagnostics)
		}
		var got userModel
		resp.State.Get(ctx, &got)
		return got
	}

	plan := userState()
	plan.Password = types.StringValue("n3w-pass-word")
	if got := update(userState(), plan); got.Password.ValueString() != "n3w-pass-word" {
		t.Errorf("password in state = %v", got.Password)
	}
	if calls := fake.recorded(); len(calls) != 1 || calls[0] != `POST /orders-app/password-resets {"password":"n3w-pass-word"}` {
		t.Errorf("calls = %q, want one password reset", calls)
	}

	imported := userState()
	imported.Password = types.StringNull()
	if got := update(imported, imported); !got.Password.IsNull() {
		t.Errorf("password = %v, want null", got.Password)
	}
	if calls := fake.recorded(); len(calls) != 1 {
		t.Errorf("calls = %q: nothing to reset, yet the API was called", calls)
	}
}

func TestUserResource_deleteSkipsTheAdminUser(t *testing.T) {
	ctx := context.Background()
	api, fake := newFakeUsersAPI(t)
	r, s := userResourceWith(api)

	del := func(m userModel) *resource.DeleteResponse {
		req := resource.DeleteRequest{State: tfsdk.State{Schema: s.Schema}}
		req.State.Set(ctx, &m)
		resp := &resource.DeleteResponse{State: req.State}
		r.Delete(ctx, req, resp)
		return resp
	}

	admin := userState()
	admin.Name, admin.Admin = types.StringValue("admin"), types.BoolValue(true)
	resp := del(admin)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || len(fake.recorded()) != 0 {
		t.Errorf("admin: diagnostics %v, calls %v; want a warning and no call", resp.Diagnostics, fake.recorded())
	}
	resp = del(userState())
	if resp.Diagnostics.HasError() || strings.Join(fake.recorded(), ",") != "DELETE /orders-app" {
		t.Errorf("user: diagnostics %v, calls %v", resp.Diagnostics, fake.recorded())
	}
	// Gone already: no error.
	if resp = del(userState()); resp.Diagnostics.HasError() {
		t.Errorf("second delete: %v", resp.Diagnostics)
	}
}

// ---------------------------------------------------------------------------------------
// Acceptance steps
// ---------------------------------------------------------------------------------------

const userAddr = "tributary_user.test"

// The SASL user of the acceptance tests (the ACL steps grant it access), and the
// password its steps end with.
const (
	accUserName     = "tfacc-app"
	accUserPassword = "tfacc-Passw0rd-2"
)

func userConfig(password string) string {
	pw := ""
	if password != "" {
		pw = fmt.Sprintf("\n  password    = %q", password)
	}
	return fmt.Sprintf(`
resource "tributary_user" "test" {
  instance_id = tributary_instance.test.id
  name        = %q%s
}
`, accUserName, pw)
}

// userSteps walk a SASL user of the (SASL_PLAINTEXT) instance of TestAccInstance_lifecycle
// (configured by baseCfg) through create with a generated password, import, a password
// reset in place, an empty plan, and a deletion behind Terraform's back. The user stays
// in the configuration for the ACL steps; destroy deletes it with the instance.
func userSteps(t *testing.T, baseCfg string) []acc.TestStep {
	generated := baseCfg + userConfig("")
	const newPassword = accUserPassword
	reset := baseCfg + userConfig(newPassword)
	var generatedPassword, id string

	return []acc.TestStep{
		{
			// No password configured: the API generates one, kept in state.
			Config: generated,
			Check: acc.ComposeAggregateTestCheckFunc(
				checkIDByName(userAddr, accUserName, &id),
				acc.TestCheckResourceAttr(userAddr, "name", accUserName),
				acc.TestCheckResourceAttrWith(userAddr, "password", func(v string) error {
					if len(v) < 8 {
						return fmt.Errorf("generated password %q is shorter than 8 characters", v)
					}
					generatedPassword = v
					return nil
				}),
				acc.TestCheckResourceAttr(userAddr, "admin", "false"),
				acc.TestCheckTypeSetElemAttr(userAddr, "mechanisms.*", "SCRAM-SHA-512"),
				checkAPIUser(func(u *client.KafkaUser) error {
					if u.Admin || !containsMechanism(u.Mechanisms, client.SASLMECHANISM_SCRAM_SHA_512) {
						return fmt.Errorf("API: admin %t, mechanisms %v; want a SCRAM-SHA-512 user", u.Admin, u.Mechanisms)
					}
					return nil
				}),
			),
		},
		{
			// Import by <instance_id>/<name>: the same state, except the password the API never returns.
			ResourceName:            userAddr,
			ImportState:             true,
			ImportStateIdFunc:       importIDByName(userAddr),
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"password"},
		},
		{
			// Nothing configured, nothing changed: the generated password stays, no diff.
			Config:             generated,
			PlanOnly:           true,
			ExpectNonEmptyPlan: false,
		},
		{
			// A configured password resets it in place: the user is not replaced.
			Config: reset,
			ConfigPlanChecks: acc.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
			},
			Check: acc.ComposeAggregateTestCheckFunc(
				acc.TestCheckResourceAttr(userAddr, "password", newPassword),
				acc.TestCheckResourceAttrWith(userAddr, "password", func(v string) error {
					if v == generatedPassword {
						return fmt.Errorf("password unchanged")
					}
					return nil
				}),
				checkAPIUser(func(u *client.KafkaUser) error {
					if u.PasswordChangedAt.Get() == nil {
						return fmt.Errorf("API: passwordChangedAt is null after a password reset")
					}
					return nil
				}),
			),
		},
		{
			// Nothing changed: the plan must be empty.
			Config:             reset,
			PlanOnly:           true,
			ExpectNonEmptyPlan: false,
		},
		{
			// Deleted behind Terraform's back: the refresh drops it, apply creates it again.
			PreConfig: deleteBehindTerraform(t, userKind, &id, func(ctx context.Context, instanceID, name string) (*http.Response, error) {
				return accAPI.api.KafkaUsersAPI.DeleteKafkaUser(ctx, accAPI.project, instanceID, name).Execute()
			}),
			Config: reset,
			ConfigPlanChecks: acc.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
			},
			Check: acc.ComposeAggregateTestCheckFunc(
				acc.TestCheckResourceAttr(userAddr, "password", newPassword),
				checkAPIUser(func(*client.KafkaUser) error { return nil }),
			),
		},
	}
}

func containsMechanism(mechs []client.SaslMechanism, want client.SaslMechanism) bool {
	for _, m := range mechs {
		if m == want {
			return true
		}
	}
	return false
}

// checkAPIUser reads the user of the state through the API and checks it.
func checkAPIUser(check func(*client.KafkaUser) error) acc.TestCheckFunc {
	return checkAPI(userAddr, "user", getAccUser, check)
}

func getAccUser(ctx context.Context, rs *terraform.InstanceState) (*client.KafkaUser, *http.Response, error) {
	return accAPI.api.KafkaUsersAPI.GetKafkaUser(ctx, accAPI.project, rs.Attributes["instance_id"], rs.Attributes["name"]).Execute()
}

// checkUsersDestroyed: after destroy, GET answers 404 for every user that was in state,
// or its instance is gone too.
var checkUsersDestroyed = checkChildrenDestroyed("tributary_user", "user", getAccUser, accInstanceGone)
