package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

const (
	aclAddr      = "tributary_acl.test"
	groupACLAddr = "tributary_acl.group"
)

// aclConfig grants the acceptance user an operation on the acceptance topic (pattern
// type and host left to their defaults), and READ on every consumer group starting with
// tfacc- (all arguments given).
func aclConfig(operation string) string {
	return fmt.Sprintf(`
resource "tributary_acl" "test" {
  instance_id   = tributary_instance.test.id
  resource_type = "TOPIC"
  resource_name = tributary_topic.test.name
  principal     = "User:${tributary_user.test.name}"
  operation     = %q
  permission    = "ALLOW"
}

resource "tributary_acl" "group" {
  instance_id   = tributary_instance.test.id
  resource_type = "GROUP"
  resource_name = %q
  pattern_type  = "PREFIXED"
  principal     = "User:${tributary_user.test.name}"
  host          = "*"
  operation     = "READ"
  permission    = "ALLOW"
}
`, operation, accTestPrefix)
}

// aclSteps walk two ACLs of the acceptance user on the instance of
// TestAccInstance_lifecycle (configured, with the topic and the user, by baseCfg) through
// create, import, a replacement (ACLs are immutable), an empty plan and a deletion
// behind Terraform's back. Destroy deletes them with the instance.
func aclSteps(t *testing.T, baseCfg string) []acc.TestStep {
	read := baseCfg + aclConfig("READ")
	write := baseCfg + aclConfig("WRITE")
	var readID, writeID string

	return []acc.TestStep{
		{
			Config: read,
			Check: acc.ComposeAggregateTestCheckFunc(
				acc.TestCheckResourceAttrPair(aclAddr, "instance_id", instanceAddr, "id"),
				acc.TestCheckResourceAttrWith(aclAddr, "id", func(v string) error {
					readID = v
					return nil
				}),
				checkACLID(aclAddr),
				checkACLID(groupACLAddr),
				acc.TestCheckResourceAttr(aclAddr, "resource_type", "TOPIC"),
				acc.TestCheckResourceAttr(aclAddr, "resource_name", accTestPrefix+"orders"),
				acc.TestCheckResourceAttr(aclAddr, "pattern_type", "LITERAL"),
				acc.TestCheckResourceAttr(aclAddr, "host", "*"),
				acc.TestCheckResourceAttr(aclAddr, "principal", "User:"+accUserName),
				acc.TestCheckResourceAttr(aclAddr, "operation", "READ"),
				acc.TestCheckResourceAttr(aclAddr, "permission", "ALLOW"),
				acc.TestCheckResourceAttr(groupACLAddr, "pattern_type", "PREFIXED"),
				checkAPIACL(aclAddr, func(a *client.Acl) error {
					if a.ResourceType != client.ACLRESOURCETYPE_TOPIC || a.ResourceName != accTestPrefix+"orders" ||
						a.Operation != client.ACLOPERATION_READ || a.Principal != "User:"+accUserName || a.Host != "*" {
						return fmt.Errorf("API: %+v", a)
					}
					return nil
				}),
				checkAPIACLListed("User:"+accUserName, 2),
			),
		},
		{
			// Import by <instance_id>/<acl_id> gives the same state.
			ResourceName:      aclAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		{
			ResourceName:      groupACLAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		{
			// ACLs are immutable: another operation replaces the ACL (the old one deleted first).
			Config: write,
			ConfigPlanChecks: acc.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aclAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(groupACLAddr, plancheck.ResourceActionNoop),
				},
			},
			Check: acc.ComposeAggregateTestCheckFunc(
				acc.TestCheckResourceAttr(aclAddr, "operation", "WRITE"),
				acc.TestCheckResourceAttrWith(aclAddr, "id", func(v string) error {
					writeID = v
					if v == readID {
						return fmt.Errorf("id %s unchanged by a replacement", v)
					}
					return nil
				}),
				checkAPIACL(aclAddr, func(a *client.Acl) error {
					if a.Operation != client.ACLOPERATION_WRITE {
						return fmt.Errorf("API: operation %s, want WRITE", a.Operation)
					}
					return nil
				}),
				func(*terraform.State) error {
					instanceID, id, err := aclKind.parse(readID)
					if err != nil {
						return err
					}
					_, httpResp, err := accAPI.api.AclsAPI.GetAcl(context.Background(), accAPI.project, instanceID, id).Execute()
					if !isNotFound(httpResp, err) {
						return fmt.Errorf("the replaced READ ACL %s is still there (err %v)", readID, err)
					}
					return nil
				},
				checkAPIACLListed("User:"+accUserName, 2),
			),
		},
		{
			// Nothing changed: the plan must be empty.
			Config:             write,
			PlanOnly:           true,
			ExpectNonEmptyPlan: false,
		},
		{
			// Deleted behind Terraform's back: the refresh drops it (404), apply creates it again.
			PreConfig: deleteBehindTerraform(t, aclKind, &writeID, func(ctx context.Context, instanceID, id string) (*http.Response, error) {
				return accAPI.api.AclsAPI.DeleteAcl(ctx, accAPI.project, instanceID, id).Execute()
			}),
			Config: write,
			ConfigPlanChecks: acc.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(aclAddr, plancheck.ResourceActionCreate)},
			},
			Check: acc.ComposeAggregateTestCheckFunc(
				// The id is derived from the fields: the same ACL has the same id again.
				acc.TestCheckResourceAttrWith(aclAddr, "id", func(v string) error {
					if v != writeID {
						return fmt.Errorf("id %s, want %s again", v, writeID)
					}
					return nil
				}),
				checkAPIACL(aclAddr, func(*client.Acl) error { return nil }),
			),
		},
	}
}

// checkACLID checks that id is <instance_id>/<acl_id>.
func checkACLID(addr string) acc.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		a := rs.Primary.Attributes
		if a["acl_id"] == "" || a["id"] != a["instance_id"]+"/"+a["acl_id"] {
			return fmt.Errorf("%s: id %q, want <instance_id>/<acl_id> (%s/%s)", addr, a["id"], a["instance_id"], a["acl_id"])
		}
		return nil
	}
}

// checkAPIACL reads the ACL of the state through the API and checks it.
func checkAPIACL(addr string, check func(*client.Acl) error) acc.TestCheckFunc {
	return checkAPI(addr, "ACL", getAccACL, check)
}

func getAccACL(ctx context.Context, rs *terraform.InstanceState) (*client.Acl, *http.Response, error) {
	return accAPI.api.AclsAPI.GetAcl(ctx, accAPI.project, rs.Attributes["instance_id"], rs.Attributes["acl_id"]).Execute()
}

// checkAPIACLListed checks that the instance lists exactly n ACLs of the principal.
func checkAPIACLListed(principal string, n int) acc.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[instanceAddr]
		if !ok {
			return fmt.Errorf("%s not in state", instanceAddr)
		}
		acls, _, err := accAPI.api.AclsAPI.ListAcls(context.Background(), accAPI.project, rs.Primary.ID).Principal(principal).Execute()
		if err != nil {
			return fmt.Errorf("list ACLs: %s", describeAPIError(err))
		}
		if len(acls) != n {
			var ids []string
			for _, a := range acls {
				ids = append(ids, a.Id)
			}
			return fmt.Errorf("API lists %d ACLs of %s (%s), want %d", len(acls), principal, strings.Join(ids, ", "), n)
		}
		return nil
	}
}

// checkACLsDestroyed: after destroy, GET answers 404 for every ACL that was in state, or
// its instance is gone too.
var checkACLsDestroyed = checkChildrenDestroyed("tributary_acl", "ACL", getAccACL, accInstanceGone)
