package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// accTestPrefix starts the name of everything the acceptance tests create; the sweeper
// in TestMain deletes what is left with it.
const accTestPrefix = "tfacc-"

const instanceAddr = "tributary_instance.test"

func instanceConfig(name, tags string) string {
	return fmt.Sprintf(`
resource "tributary_instance" "test" {
  name               = %q
  description        = "terraform acceptance test"
  flavor             = "kafka.2u4g"
  broker_count       = 3
  availability_zones = ["az1", "az2", "az3"]
  storage_gb         = 100

  # SASL listeners are not available in this release of the control plane (an order
  # with them ends CREATE_FAILED), so the suite orders PLAINTEXT.
  security = {
    protocol = "PLAINTEXT"
  }
  retention = {
    default_hours = 24
  }
  tags = {
%s
  }
  timeouts = {
    create = "15m"
    delete = "10m"
  }
}
`, name, tags)
}

// TestAccInstance_lifecycle orders ONE instance (a 3-broker cluster is the expensive part
// of the suite) and walks it through create, import, in-place update, an empty plan,
// drift correction, the data source; then a tributary_topic on it through the same
// (topicSteps), and destroy.
func TestAccInstance_lifecycle(t *testing.T) {
	name := accTestPrefix + acctest.RandStringFromCharSet(8, acctest.CharSetAlpha)
	renamed := name + "-renamed"
	var instanceID string

	updated := instanceConfig(renamed, `    env  = "test"
    team = "streaming"`)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { accPreCheck(t) },
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(checkTopicsDestroyed, checkInstancesDestroyed),
		Steps: append([]resource.TestStep{
			{
				// Create, and wait for RUNNING.
				Config: instanceConfig(name, `    env = "test"`),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith(instanceAddr, "id", func(v string) error {
						instanceID = v
						return nil
					}),
					resource.TestCheckResourceAttr(instanceAddr, "name", name),
					resource.TestCheckResourceAttr(instanceAddr, "status", "RUNNING"),
					resource.TestMatchResourceAttr(instanceAddr, "bootstrap_servers", regexp.MustCompile(`^[^,\s]+:\d+(,[^,\s]+:\d+)*$`)),
					resource.TestCheckResourceAttrSet(instanceAddr, "kafka_version"),
					resource.TestCheckResourceAttrSet(instanceAddr, "created_at"),
					resource.TestCheckResourceAttr(instanceAddr, "security.protocol", "PLAINTEXT"),
					resource.TestCheckResourceAttr(instanceAddr, "retention.default_hours", "24"),
					resource.TestCheckResourceAttr(instanceAddr, "tags.env", "test"),
					checkAPIInstance(func(in *client.Instance) error {
						if in.Status != client.INSTANCESTATUS_RUNNING || in.BrokerCount != 3 || len(in.Brokers) != 3 {
							return fmt.Errorf("API: status %s, %d brokers (%d listed), want RUNNING with 3", in.Status, in.BrokerCount, len(in.Brokers))
						}
						zones := map[string]bool{}
						for _, b := range in.Brokers {
							zones[b.AvailabilityZone] = true
						}
						if len(zones) != 3 {
							return fmt.Errorf("API: brokers in zones %v, want one in each of az1..az3", zones)
						}
						return nil
					}),
				),
			},
			{
				// Import by id gives the same state, except what the API never returns.
				ResourceName:            instanceAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"security.admin_password", "timeouts"},
			},
			{
				// Rename and retag in place.
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(instanceAddr, "name", renamed),
					resource.TestCheckResourceAttr(instanceAddr, "tags.%", "2"),
					resource.TestCheckResourceAttr(instanceAddr, "tags.team", "streaming"),
					resource.TestCheckResourceAttrWith(instanceAddr, "id", func(v string) error {
						if v != instanceID {
							return fmt.Errorf("id changed from %s to %s: the update replaced the instance", instanceID, v)
						}
						return nil
					}),
					checkAPIInstance(func(in *client.Instance) error {
						if in.Name != renamed || in.Tags["team"] != "streaming" {
							return fmt.Errorf("API: name %q, tags %v", in.Name, in.Tags)
						}
						return nil
					}),
				),
			},
			{
				// Nothing changed: the plan must be empty (no perpetual diff).
				Config:             updated,
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			{
				// Drift: renamed behind Terraform's back; the plan shows it, apply corrects it.
				PreConfig: func() {
					_, _, err := accAPI.api.InstancesAPI.UpdateInstance(context.Background(), accAPI.project, instanceID).
						InstanceUpdate(client.InstanceUpdate{Name: client.PtrString(name + "-drifted")}).Execute()
					if err != nil {
						t.Fatalf("PATCH behind Terraform's back: %s", describeAPIError(err))
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
						expectPlannedNameChange(instanceAddr, name+"-drifted", renamed),
					},
				},
				Check: checkAPIInstance(func(in *client.Instance) error {
					if in.Name != renamed {
						return fmt.Errorf("API: name %q after apply, want %q", in.Name, renamed)
					}
					return nil
				}),
			},
			{
				// The data source reads the same instance.
				Config: updated + `
data "tributary_instance" "test" {
  id = tributary_instance.test.id
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "name", instanceAddr, "name"),
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "bootstrap_servers", instanceAddr, "bootstrap_servers"),
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "kafka_version", instanceAddr, "kafka_version"),
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "security.protocol", instanceAddr, "security.protocol"),
					resource.TestCheckResourceAttr("data.tributary_instance.test", "status", "RUNNING"),
					resource.TestCheckResourceAttr("data.tributary_instance.test", "availability_zones.#", "3"),
					resource.TestCheckResourceAttr("data.tributary_instance.test", "tags.team", "streaming"),
					resource.TestCheckNoResourceAttr("data.tributary_instance.test", "security.admin_password"),
				),
			},
		}, topicSteps(t, updated)...),
	})
}

// TestAccInstance_twoZonesRefused orders an instance in two zones: the API refuses it
// and the user reads the API's own message. No instance is created.
func TestAccInstance_twoZonesRefused(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { accPreCheck(t) },
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "tributary_instance" "test" {
  name               = "%stwo-zones"
  flavor             = "kafka.2u4g"
  broker_count       = 3
  availability_zones = ["az1", "az2"]
  storage_gb         = 100
}
`, accTestPrefix),
			// The API's field error, as the control plane words it.
			ExpectError: wrappedText("Could not create the instance", "availabilityZones: choose one zone, or three or more: "+
				"with two, losing one zone loses the KRaft majority"),
		}},
	})
}

// wrappedText matches the given phrases in order, whatever line wrapping Terraform applied.
func wrappedText(phrases ...string) *regexp.Regexp {
	var parts []string
	for _, p := range phrases {
		var words []string
		for _, w := range strings.Fields(p) {
			words = append(words, regexp.QuoteMeta(w))
		}
		parts = append(parts, strings.Join(words, `\s+`))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

// checkAPIInstance reads the instance of the state through the API and checks it.
func checkAPIInstance(check func(*client.Instance) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[instanceAddr]
		if !ok {
			return fmt.Errorf("%s not in state", instanceAddr)
		}
		in, _, err := accAPI.api.InstancesAPI.GetInstance(context.Background(), accAPI.project, rs.Primary.ID).Execute()
		if err != nil {
			return fmt.Errorf("GET instance %s: %s", rs.Primary.ID, describeAPIError(err))
		}
		return check(in)
	}
}

// checkInstancesDestroyed: after destroy, GET answers 404 (or DELETED) for every
// instance that was in state.
func checkInstancesDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "tributary_instance" {
			continue
		}
		in, httpResp, err := accAPI.api.InstancesAPI.GetInstance(context.Background(), accAPI.project, rs.Primary.ID).Execute()
		switch {
		case isNotFound(httpResp, err):
		case err != nil:
			return fmt.Errorf("GET instance %s: %s", rs.Primary.ID, describeAPIError(err))
		case in.Status != client.INSTANCESTATUS_DELETED:
			return fmt.Errorf("instance %s still exists (%s)", rs.Primary.ID, in.Status)
		}
	}
	return nil
}

// expectPlannedNameChange checks that the plan changes name from the drifted value back
// to the configured one.
func expectPlannedNameChange(addr, from, to string) plancheck.PlanCheck {
	return expectPlannedChange(addr, "name", from, to)
}

// expectPlannedChange checks that the plan changes a top-level attribute of addr from one
// value to another (compared as printed, so 12 matches the plan's JSON number).
func expectPlannedChange(addr, attr string, from, to any) plancheck.PlanCheck {
	return attrChangeCheck{addr: addr, attr: attr, from: fmt.Sprint(from), to: fmt.Sprint(to)}
}

type attrChangeCheck struct{ addr, attr, from, to string }

func (c attrChangeCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		if fmt.Sprint(before[c.attr]) != c.from || fmt.Sprint(after[c.attr]) != c.to {
			resp.Error = fmt.Errorf("planned %s change %v -> %v, want %s -> %s", c.attr, before[c.attr], after[c.attr], c.from, c.to)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in plan (resources: %s)", c.addr, planAddrs(req))
}

func planAddrs(req plancheck.CheckPlanRequest) string {
	var a []string
	for _, rc := range req.Plan.ResourceChanges {
		a = append(a, rc.Address)
	}
	return strings.Join(a, ", ")
}
