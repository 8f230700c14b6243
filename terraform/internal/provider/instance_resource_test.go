package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
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

// accAdminPassword is the admin password of the acceptance instance.
const accAdminPassword = "tfacc-Admin-pass-1"

// accInstance is the configuration of the one instance of the suite.
type accInstance struct {
	name           string
	tags           string // lines of the tags map
	retentionHours int
	capacityPolicy string
	allowedCidrs   string // HCL list
	flavor         string // kafka.2u4g when empty
	storageGB      int    // 100 when 0
	brokerCount    int    // 3 when 0
	dayTwo         string // more arguments: broker_config, maintenance_window, deletion_protection
}

func instanceConfig(name, tags string) string {
	return accInstance{name: name, tags: tags, retentionHours: 24, capacityPolicy: "TIME_BASE",
		allowedCidrs: `["0.0.0.0/0"]`}.config()
}

// config orders a SASL_PLAINTEXT instance (SCRAM-SHA-512): tributary_user needs SASL, and
// the suite orders only this one instance for instances, topics, users and ACLs.
func (c accInstance) config() string {
	if c.flavor == "" {
		c.flavor = "kafka.2u4g"
	}
	if c.storageGB == 0 {
		c.storageGB = 100
	}
	if c.brokerCount == 0 {
		c.brokerCount = 3
	}
	return fmt.Sprintf(`
resource "tributary_instance" "test" {
  name               = %q
  description        = "terraform acceptance test"
  flavor             = %q
  broker_count       = %d
  availability_zones = ["az1", "az2", "az3"]
  storage_gb         = %d
%s

  security = {
    protocol        = "SASL_PLAINTEXT"
    sasl_mechanisms = ["SCRAM-SHA-512"]
    admin_username  = "admin"
    admin_password  = %q
  }
  network = {
    allowed_cidrs = %s
  }
  retention = {
    default_hours   = %d
    capacity_policy = %q
  }
  tags = {
%s
  }
  timeouts = {
    create = "15m"
    delete = "10m"
  }
}
`, c.name, c.flavor, c.brokerCount, c.storageGB, c.dayTwo, accAdminPassword, c.allowedCidrs, c.retentionHours, c.capacityPolicy, c.tags)
}

// TestAccInstance_lifecycle orders ONE SASL instance (a 3-broker cluster is the expensive
// part of the suite) and walks it through create, import, in-place updates (name and
// tags; retention and network rules), an empty plan, drift correction, the data source;
// then a tributary_topic (topicSteps), a tributary_user (userSteps) and tributary_acls
// (aclSteps) on it through the same; then day-two changes, scaling out and back in
// (dayTwoSteps), and destroy.
func TestAccInstance_lifecycle(t *testing.T) {
	name := accTestPrefix + acctest.RandStringFromCharSet(8, acctest.CharSetAlpha)
	renamed := name + "-renamed"
	var instanceID, createdAt string

	tags := `    env  = "test"
    team = "streaming"`
	renamedOnly := instanceConfig(renamed, tags)
	// Retention and network rules changed in place. The two halves of the IPv4 space
	// allow what 0.0.0.0/0 did: the control plane and the tests keep reaching the brokers
	// whatever address they use, and the allow-list still changes.
	updatedInstance := accInstance{name: renamed, tags: tags, retentionHours: 48, capacityPolicy: "PRODUCE_REJECT",
		allowedCidrs: `["0.0.0.0/1", "128.0.0.0/1"]`}
	updated := updatedInstance.config()
	withTopic := updated + topicConfig(accTestPrefix+"orders", 6, 48)
	withUser := withTopic + userConfig(accUserPassword)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { accPreCheck(t) },
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(checkACLsDestroyed, checkUsersDestroyed, checkTopicsDestroyed,
			checkInstancesDestroyed),
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
					resource.TestCheckResourceAttrWith(instanceAddr, "created_at", func(v string) error {
						createdAt = v
						return nil
					}),
					resource.TestCheckResourceAttr(instanceAddr, "security.protocol", "SASL_PLAINTEXT"),
					resource.TestCheckResourceAttr(instanceAddr, "security.admin_username", "admin"),
					resource.TestCheckTypeSetElemAttr(instanceAddr, "security.sasl_mechanisms.*", "SCRAM-SHA-512"),
					resource.TestCheckResourceAttr(instanceAddr, "retention.default_hours", "24"),
					resource.TestCheckResourceAttr(instanceAddr, "retention.capacity_policy", "TIME_BASE"),
					resource.TestCheckResourceAttr(instanceAddr, "network.allowed_cidrs.#", "1"),
					resource.TestCheckResourceAttr(instanceAddr, "auto_create_topics", "false"),
					resource.TestCheckResourceAttr(instanceAddr, "tags.env", "test"),
					// How clients connect: SASL over plain TCP, so no CA certificate.
					resource.TestCheckResourceAttrPair(instanceAddr, "connection_info.bootstrap_servers", instanceAddr, "bootstrap_servers"),
					resource.TestCheckResourceAttr(instanceAddr, "connection_info.security_protocol", "SASL_PLAINTEXT"),
					resource.TestCheckTypeSetElemAttr(instanceAddr, "connection_info.sasl_mechanisms.*", "SCRAM-SHA-512"),
					resource.TestCheckResourceAttr(instanceAddr, "connection_info.tls_enabled", "false"),
					resource.TestMatchResourceAttr(instanceAddr, "connection_info.client_properties", regexp.MustCompile(`security\.protocol\s*=\s*SASL_PLAINTEXT`)),
					resource.TestCheckNoResourceAttr(instanceAddr, "connection_info.ca_certificate"),
					checkAPIInstance(func(in *client.Instance) error {
						if in.Status != client.INSTANCESTATUS_RUNNING || in.BrokerCount != 3 || len(in.Brokers) != 3 {
							return fmt.Errorf("API: status %s, %d brokers (%d listed), want RUNNING with 3", in.Status, in.BrokerCount, len(in.Brokers))
						}
						if in.AutoCreateTopics || in.Security.Protocol != client.SECURITYPROTOCOL_SASL_PLAINTEXT {
							return fmt.Errorf("API: autoCreateTopics %t, protocol %s; want false, SASL_PLAINTEXT", in.AutoCreateTopics, in.Security.Protocol)
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
				Config: renamedOnly,
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
				// Retention and the network allow-list change in place: no replacement.
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(instanceAddr, "retention.default_hours", "48"),
					resource.TestCheckResourceAttr(instanceAddr, "retention.capacity_policy", "PRODUCE_REJECT"),
					resource.TestCheckResourceAttr(instanceAddr, "network.allowed_cidrs.#", "2"),
					resource.TestCheckTypeSetElemAttr(instanceAddr, "network.allowed_cidrs.*", "128.0.0.0/1"),
					resource.TestCheckResourceAttr(instanceAddr, "status", "RUNNING"),
					resource.TestCheckResourceAttrWith(instanceAddr, "id", func(v string) error {
						if v != instanceID {
							return fmt.Errorf("id changed from %s to %s: the update replaced the instance", instanceID, v)
						}
						return nil
					}),
					resource.TestCheckResourceAttrWith(instanceAddr, "created_at", func(v string) error {
						if v != createdAt {
							return fmt.Errorf("created_at changed from %s to %s: the update replaced the instance", createdAt, v)
						}
						return nil
					}),
					checkAPIInstance(func(in *client.Instance) error {
						if in.Retention.GetDefaultHours() != 48 || in.Retention.GetCapacityPolicy() != client.CAPACITYPOLICY_PRODUCE_REJECT {
							return fmt.Errorf("API: retention %d h, %s; want 48 h, PRODUCE_REJECT", in.Retention.GetDefaultHours(), in.Retention.GetCapacityPolicy())
						}
						cidrs := strings.Join(in.Network.AllowedCidrs, ",")
						if len(in.Network.AllowedCidrs) != 2 || !strings.Contains(cidrs, "0.0.0.0/1") || !strings.Contains(cidrs, "128.0.0.0/1") {
							return fmt.Errorf("API: allowed CIDRs %v, want 0.0.0.0/1 and 128.0.0.0/1", in.Network.AllowedCidrs)
						}
						return nil
					}),
				),
			},
			{
				// Nothing changed: the plan must be empty (no perpetual diff, connection_info included).
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
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "retention.default_hours", instanceAddr, "retention.default_hours"),
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "auto_create_topics", instanceAddr, "auto_create_topics"),
					resource.TestCheckResourceAttrPair("data.tributary_instance.test", "connection_info.client_properties", instanceAddr, "connection_info.client_properties"),
					resource.TestCheckResourceAttr("data.tributary_instance.test", "status", "RUNNING"),
					resource.TestCheckResourceAttr("data.tributary_instance.test", "availability_zones.#", "3"),
					resource.TestCheckResourceAttr("data.tributary_instance.test", "tags.team", "streaming"),
					resource.TestCheckNoResourceAttr("data.tributary_instance.test", "security.admin_password"),
				),
			},
		}, slices.Concat(topicSteps(t, updated), userSteps(t, withTopic), aclSteps(t, withUser),
			dayTwoSteps(t, updatedInstance, &instanceID))...),
	})
}

// dayTwoSteps change the running instance in place (the topic, user and ACLs of the earlier
// steps are left out, so they are destroyed first): a Kafka upgrade, then a flavor and broker
// settings, each by a rolling restart the provider waits for; more storage, a maintenance window and deletion
// protection without one; a smaller storage refused at plan time; a destroy refused while the
// instance is protected. The plan is empty afterwards. Then the instance scales out and back
// in (scaleSteps).
func dayTwoSteps(t *testing.T, base accInstance, instanceID *string) []resource.TestStep {
	rolled := base
	rolled.flavor = "kafka.4u8g"
	rolled.dayTwo = `  kafka_version = "4.3.1"
  broker_config = { "log.cleaner.threads" = "2" }`
	grown := rolled
	grown.storageGB = 200
	grown.dayTwo = rolled.dayTwo + `
  maintenance_window  = { day_of_week = "WEDNESDAY", start_hour = 22 }
  deletion_protection = true`
	shrunk := grown
	shrunk.storageGB = 150
	unprotected := grown
	unprotected.dayTwo = strings.Replace(grown.dayTwo, "deletion_protection = true", "deletion_protection = false", 1)

	inPlace := inPlaceUpdate()
	sameInstance := sameInstanceAs(instanceID)
	return append([]resource.TestStep{
		{
			Config:           rolled.config(),
			ConfigPlanChecks: inPlace,
			Check: resource.ComposeAggregateTestCheckFunc(
				sameInstance,
				resource.TestCheckResourceAttr(instanceAddr, "flavor", "kafka.4u8g"),
				resource.TestCheckResourceAttr(instanceAddr, "kafka_version", "4.3.1"),
				resource.TestCheckResourceAttr(instanceAddr, "broker_config.log.cleaner.threads", "2"),
				resource.TestCheckResourceAttr(instanceAddr, "status", "RUNNING"),
				checkAPIInstance(func(in *client.Instance) error {
					if in.Flavor != "kafka.4u8g" || in.BrokerConfig["log.cleaner.threads"] != "2" || in.KafkaVersion != "4.3.1" {
						return fmt.Errorf("API: flavor %s, broker config %v, Kafka %s", in.Flavor, in.BrokerConfig, in.KafkaVersion)
					}
					op, _, err := accAPI.api.OperationsAPI.GetOperation(context.Background(), accAPI.project, in.GetCurrentOperationId()).Execute()
					if err != nil {
						return fmt.Errorf("API: the instance's last operation: %s", describeAPIError(err))
					}
					if in.Status != client.INSTANCESTATUS_RUNNING || op.Type != client.OPERATIONTYPE_RESTART_BROKERS ||
						op.Status != client.OPERATIONSTATUS_SUCCEEDED {
						return fmt.Errorf("API: %s, last operation %s %s after the apply; the provider did not wait for the roll",
							in.Status, op.Type, op.Status)
					}
					for _, b := range in.Brokers {
						if b.GetPendingRestart() || b.GetKafkaVersion() != "4.3.1" {
							return fmt.Errorf("API: broker %d runs Kafka %s, pending restart %t", b.NodeId, b.GetKafkaVersion(), b.GetPendingRestart())
						}
					}
					return nil
				}),
			),
		},
		{
			Config:           grown.config(),
			ConfigPlanChecks: inPlace,
			Check: resource.ComposeAggregateTestCheckFunc(
				sameInstance,
				resource.TestCheckResourceAttr(instanceAddr, "storage_gb", "200"),
				resource.TestCheckResourceAttr(instanceAddr, "maintenance_window.day_of_week", "WEDNESDAY"),
				resource.TestCheckResourceAttr(instanceAddr, "maintenance_window.start_hour", "22"),
				resource.TestCheckResourceAttr(instanceAddr, "deletion_protection", "true"),
				checkAPIInstance(func(in *client.Instance) error {
					w := in.MaintenanceWindow
					if in.StorageGb != 200 || w == nil || w.DayOfWeek != client.DAYOFWEEK_WEDNESDAY || w.StartHour != 22 || !in.DeletionProtection {
						return fmt.Errorf("API: storage %d GB, window %+v, protected %t", in.StorageGb, w, in.DeletionProtection)
					}
					return nil
				}),
			),
		},
		{
			Config:      shrunk.config(),
			ExpectError: regexp.MustCompile(`Storage can only grow`),
		},
		{
			Config:      grown.config(),
			Destroy:     true,
			ExpectError: regexp.MustCompile(`protected from deletion`),
		},
		{
			Config:           unprotected.config(),
			ConfigPlanChecks: inPlace,
			Check: checkAPIInstance(func(in *client.Instance) error {
				if in.DeletionProtection || in.Status != client.INSTANCESTATUS_RUNNING {
					return fmt.Errorf("API: protected %t, %s after the destroy was refused", in.DeletionProtection, in.Status)
				}
				return nil
			}),
		},
		{
			Config:   unprotected.config(),
			PlanOnly: true,
		},
	}, scaleSteps(t, unprotected, instanceID)...)
}

// inPlaceUpdate: the plan updates the instance, it does not replace it.
func inPlaceUpdate(more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: append(
		[]plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate)}, more...)}
}

// sameInstanceAs: the instance in state is still the one of *instanceID.
func sameInstanceAs(instanceID *string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(instanceAddr, "id", func(v string) error {
		if v != *instanceID {
			return fmt.Errorf("id changed from %s to %s: the update replaced the instance", *instanceID, v)
		}
		return nil
	})
}

// scaleSteps scale the instance of base (3 brokers) out to 4 and back in to 3, in place: the
// scale-out adds one broker-only node, the scale-in removes the highest-numbered broker, that
// one; the provider waits for each operation, and the plan is empty after each.
func scaleSteps(t *testing.T, base accInstance, instanceID *string) []resource.TestStep {
	sameInstance := sameInstanceAs(instanceID)
	out := base
	out.brokerCount = 4
	var before []int32 // the node ids of the three brokers before the scale-out

	brokersAfter := func(want int, opType client.OperationType) resource.TestCheckFunc {
		return checkAPIInstance(func(in *client.Instance) error {
			if in.Status != client.INSTANCESTATUS_RUNNING || in.BrokerCount != int32(want) || len(in.Brokers) != want {
				return fmt.Errorf("API: %s, brokerCount %d, %d brokers listed; want RUNNING with %d", in.Status, in.BrokerCount, len(in.Brokers), want)
			}
			op, _, err := accAPI.api.OperationsAPI.GetOperation(context.Background(), accAPI.project, in.GetCurrentOperationId()).Execute()
			if err != nil {
				return fmt.Errorf("API: the instance's last operation: %s", describeAPIError(err))
			}
			if op.Type != opType || op.Status != client.OPERATIONSTATUS_SUCCEEDED {
				return fmt.Errorf("API: last operation %s %s after the apply, want %s SUCCEEDED; the provider did not wait for it",
					op.Type, op.Status, opType)
			}
			for _, b := range in.Brokers {
				if b.Status != "RUNNING" {
					return fmt.Errorf("API: broker %d is %s", b.NodeId, b.Status)
				}
			}
			return nil
		})
	}
	return []resource.TestStep{
		{
			PreConfig: func() {
				in, _, err := accAPI.api.InstancesAPI.GetInstance(context.Background(), accAPI.project, *instanceID).Execute()
				if err != nil {
					t.Fatalf("GET instance before the scale-out: %s", describeAPIError(err))
				}
				before = nil
				for _, b := range in.Brokers {
					before = append(before, b.NodeId)
				}
				if len(before) != 3 {
					t.Fatalf("API: %d brokers before the scale-out, want 3", len(before))
				}
			},
			Config:           out.config(),
			ConfigPlanChecks: inPlaceUpdate(expectPlannedChange(instanceAddr, "broker_count", 3, 4)),
			Check: resource.ComposeAggregateTestCheckFunc(
				sameInstance,
				resource.TestCheckResourceAttr(instanceAddr, "broker_count", "4"),
				resource.TestCheckResourceAttr(instanceAddr, "status", "RUNNING"),
				brokersAfter(4, client.OPERATIONTYPE_SCALE_OUT),
				checkAPIInstance(func(in *client.Instance) error {
					for _, b := range in.Brokers {
						if slices.Contains(before, b.NodeId) {
							continue
						}
						if !slices.Equal(b.Roles, []string{"broker"}) || !slices.Contains([]string{"az1", "az2", "az3"}, b.AvailabilityZone) {
							return fmt.Errorf("API: new broker %d has roles %v in %s, want a broker-only node in az1..az3", b.NodeId, b.Roles, b.AvailabilityZone)
						}
						if slices.Max(before) > b.NodeId {
							return fmt.Errorf("API: new broker %d is numbered below the existing %v", b.NodeId, before)
						}
						return nil
					}
					return fmt.Errorf("API: brokers %v, none beside the earlier %v", in.Brokers, before)
				}),
			),
		},
		{
			Config:   out.config(),
			PlanOnly: true,
		},
		{
			Config:           base.config(),
			ConfigPlanChecks: inPlaceUpdate(expectPlannedChange(instanceAddr, "broker_count", 4, 3)),
			Check: resource.ComposeAggregateTestCheckFunc(
				sameInstance,
				resource.TestCheckResourceAttr(instanceAddr, "broker_count", "3"),
				brokersAfter(3, client.OPERATIONTYPE_SCALE_IN),
				checkAPIInstance(func(in *client.Instance) error {
					var now []int32
					for _, b := range in.Brokers {
						now = append(now, b.NodeId)
					}
					slices.Sort(now)
					if !slices.Equal(now, slices.Sorted(slices.Values(before))) {
						return fmt.Errorf("API: brokers %v after the scale-in, want the earlier %v (the highest-numbered one removed)", now, before)
					}
					return nil
				}),
			),
		},
		{
			Config:   base.config(),
			PlanOnly: true,
		},
	}
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
	return checkAPI(instanceAddr, "instance", func(ctx context.Context, rs *terraform.InstanceState) (*client.Instance, *http.Response, error) {
		return accAPI.api.InstancesAPI.GetInstance(ctx, accAPI.project, rs.ID).Execute()
	}, check)
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
