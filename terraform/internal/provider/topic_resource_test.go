package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

const topicAddr = "tributary_topic.test"

// runPartitionsModifier plans partitions from state to plan through the schema's plan
// modifier, as the framework does.
func runPartitionsModifier(t *testing.T, state, plan topicModel) *planmodifier.Int64Response {
	t.Helper()
	ctx := context.Background()
	var s resource.SchemaResponse
	NewTopicResource().Schema(ctx, resource.SchemaRequest{}, &s)
	st := tfsdk.State{Schema: s.Schema}
	pl := tfsdk.Plan{Schema: s.Schema}
	if d := st.Set(ctx, &state); d.HasError() {
		t.Fatal(d)
	}
	if d := pl.Set(ctx, &plan); d.HasError() {
		t.Fatal(d)
	}
	resp := &planmodifier.Int64Response{PlanValue: plan.Partitions}
	partitionsOnlyGrow().PlanModifyInt64(ctx, planmodifier.Int64Request{
		Path: path.Root("partitions"), State: st, Plan: pl,
		StateValue: state.Partitions, PlanValue: plan.Partitions, ConfigValue: plan.Partitions,
	}, resp)
	return resp
}

func TestPartitionsOnlyGrow_decreaseRefusedAtPlanTime(t *testing.T) {
	plan := topicState()
	plan.Partitions = types.Int64Value(4)
	resp := runPartitionsModifier(t, topicState(), plan)
	if !resp.Diagnostics.HasError() {
		t.Fatal("6 -> 4 partitions planned without an error")
	}
	d := resp.Diagnostics[0]
	if d.Summary() != "Partitions cannot be decreased" || !strings.Contains(d.Detail(), "has 6 partitions; partitions can only be added") {
		t.Errorf("diagnostic = %q: %q", d.Summary(), d.Detail())
	}
}

func TestPartitionsOnlyGrow_increaseAndReplacementAllowed(t *testing.T) {
	grow := topicState()
	grow.Partitions = types.Int64Value(12)
	if resp := runPartitionsModifier(t, topicState(), grow); resp.Diagnostics.HasError() {
		t.Errorf("6 -> 12: %v", resp.Diagnostics)
	}
	renamed := topicState()
	renamed.Name = types.StringValue("orders-v2")
	renamed.Partitions = types.Int64Value(1)
	if resp := runPartitionsModifier(t, topicState(), renamed); resp.Diagnostics.HasError() {
		t.Errorf("a renamed topic is a new topic, any partitions: %v", resp.Diagnostics)
	}
	if d := partitionDecrease("orders", 6, 6); d != "" {
		t.Errorf("6 -> 6 refused: %s", d)
	}
}

func topicConfig(name string, partitions, retentionHours int) string {
	return fmt.Sprintf(`
resource "tributary_topic" "test" {
  instance_id        = tributary_instance.test.id
  name               = %q
  partitions         = %d
  replication_factor = 3
  retention_hours    = %d
  configs = {
    "cleanup.policy"    = "delete"
    "max.message.bytes" = "2097152"
  }
}
`, name, partitions, retentionHours)
}

// topicSteps walk a topic of the instance of TestAccInstance_lifecycle (configured by
// instanceCfg) through create, import, in-place update, an empty plan, drift correction
// and a refused partition decrease. The instance is destroyed after them, with the topic.
func topicSteps(t *testing.T, instanceCfg string) []acc.TestStep {
	name := accTestPrefix + "orders"
	created := instanceCfg + topicConfig(name, 3, 24)
	updated := instanceCfg + topicConfig(name, 6, 48)
	var topicID string

	return []acc.TestStep{
		{
			Config: created,
			Check: acc.ComposeAggregateTestCheckFunc(
				checkIDByName(topicAddr, name, &topicID),
				acc.TestCheckResourceAttr(topicAddr, "partitions", "3"),
				acc.TestCheckResourceAttr(topicAddr, "replication_factor", "3"),
				acc.TestCheckResourceAttr(topicAddr, "retention_hours", "24"),
				acc.TestCheckResourceAttr(topicAddr, "sync_replication", "false"),
				acc.TestCheckResourceAttr(topicAddr, "sync_flush", "false"),
				acc.TestCheckResourceAttr(topicAddr, "configs.%", "2"),
				acc.TestCheckResourceAttr(topicAddr, "configs.cleanup.policy", "delete"),
				acc.TestCheckResourceAttr(topicAddr, "configs.max.message.bytes", "2097152"),
				checkAPITopic(func(tp *client.Topic) error {
					if tp.Partitions != 3 || tp.ReplicationFactor != 3 || tp.RetentionHours.Get() == nil || *tp.RetentionHours.Get() != 24 {
						return fmt.Errorf("API: %d partitions, RF %d, retention %v; want 3, 3, 24", tp.Partitions, tp.ReplicationFactor, tp.RetentionHours.Get())
					}
					if tp.Configs["max.message.bytes"] != "2097152" || tp.Configs["cleanup.policy"] != "delete" {
						return fmt.Errorf("API: configs %v", tp.Configs)
					}
					return nil
				}),
			),
		},
		{
			// Import by <instance_id>/<name> gives the same state.
			ResourceName:      topicAddr,
			ImportState:       true,
			ImportStateIdFunc: importIDByName(topicAddr),
			ImportStateVerify: true,
		},
		{
			// More partitions and a longer retention, in place.
			Config: updated,
			ConfigPlanChecks: acc.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(topicAddr, plancheck.ResourceActionUpdate)},
			},
			Check: acc.ComposeAggregateTestCheckFunc(
				acc.TestCheckResourceAttr(topicAddr, "partitions", "6"),
				acc.TestCheckResourceAttr(topicAddr, "retention_hours", "48"),
				acc.TestCheckResourceAttrWith(topicAddr, "id", func(v string) error {
					if v != topicID {
						return fmt.Errorf("id changed from %s to %s", topicID, v)
					}
					return nil
				}),
				checkAPITopic(func(tp *client.Topic) error {
					if tp.Partitions != 6 || len(tp.PartitionDetails) != 6 || tp.RetentionHours.Get() == nil || *tp.RetentionHours.Get() != 48 {
						return fmt.Errorf("API: %d partitions (%d listed), retention %v; want 6 and 48",
							tp.Partitions, len(tp.PartitionDetails), tp.RetentionHours.Get())
					}
					if tp.Configs["retention.ms"] != "172800000" {
						return fmt.Errorf("API: retention.ms %q, want 172800000", tp.Configs["retention.ms"])
					}
					return nil
				}),
			),
		},
		{
			// Nothing changed: the plan must be empty (no diff from broker-set settings).
			Config:             updated,
			PlanOnly:           true,
			ExpectNonEmptyPlan: false,
		},
		{
			// Drift: retention changed behind Terraform's back; the plan shows it, apply restores it.
			PreConfig: func() {
				instanceID, topic, err := topicKind.parse(topicID)
				if err != nil {
					t.Fatal(err)
				}
				_, _, err = accAPI.api.TopicsAPI.UpdateTopic(context.Background(), accAPI.project, instanceID, topic).
					TopicUpdate(client.TopicUpdate{RetentionHours: client.PtrInt32(12)}).Execute()
				if err != nil {
					t.Fatalf("PATCH behind Terraform's back: %s", describeAPIError(err))
				}
			},
			Config: updated,
			ConfigPlanChecks: acc.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(topicAddr, plancheck.ResourceActionUpdate),
					expectPlannedChange(topicAddr, "retention_hours", 12, 48),
				},
			},
			Check: checkAPITopic(func(tp *client.Topic) error {
				if tp.RetentionHours.Get() == nil || *tp.RetentionHours.Get() != 48 {
					return fmt.Errorf("API: retention %v after apply, want 48", tp.RetentionHours.Get())
				}
				return nil
			}),
		},
		{
			// Kafka cannot remove partitions: refused at plan time, nothing is sent.
			Config:      instanceCfg + topicConfig(name, 4, 48),
			ExpectError: regexp.MustCompile(`can only be added|cannot be decreased`),
		},
	}
}

// checkAPITopic reads the topic of the state through the API and checks it.
func checkAPITopic(check func(*client.Topic) error) acc.TestCheckFunc {
	return checkAPI(topicAddr, "topic", getAccTopic, check)
}

func getAccTopic(ctx context.Context, rs *terraform.InstanceState) (*client.Topic, *http.Response, error) {
	return accAPI.api.TopicsAPI.GetTopic(ctx, accAPI.project, rs.Attributes["instance_id"], rs.Attributes["name"]).Execute()
}

// checkTopicsDestroyed: after destroy, GET answers 404 for every topic that was in
// state, or its instance is gone too (GET instance answers 404 or DELETED).
var checkTopicsDestroyed = checkChildrenDestroyed("tributary_topic", "topic", getAccTopic,
	func(ctx context.Context, _ *http.Response, instanceID string) bool {
		in, instResp, instErr := accAPI.api.InstancesAPI.GetInstance(ctx, accAPI.project, instanceID).Execute()
		return isNotFound(instResp, instErr) || (instErr == nil && in.Status == client.INSTANCESTATUS_DELETED)
	})
