package provider

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

func strList(v ...string) types.List {
	elems := make([]attr.Value, len(v))
	for i, s := range v {
		elems[i] = types.StringValue(s)
	}
	return types.ListValueMust(types.StringType, elems)
}

func strSet(v ...string) types.Set {
	elems := make([]attr.Value, len(v))
	for i, s := range v {
		elems[i] = types.StringValue(s)
	}
	return types.SetValueMust(types.StringType, elems)
}

func strMap(kv map[string]string) types.Map {
	elems := map[string]attr.Value{}
	for k, v := range kv {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}

// fullPlan is a plan with every order field configured.
func fullPlan() instanceModel {
	return instanceModel{
		instanceView: instanceView{
			ID:                types.StringUnknown(),
			Name:              types.StringValue("orders"),
			Description:       types.StringValue("order events"),
			Flavor:            types.StringValue("kafka.2u4g"),
			BrokerCount:       types.Int64Value(3),
			AvailabilityZones: strList("az1", "az2", "az3"),
			StorageGB:         types.Int64Value(100),
			KafkaVersion:      types.StringValue("4.1.1"),
			Security: types.ObjectValueMust(securityAttrTypes, map[string]attr.Value{
				"protocol":        types.StringValue("SASL_SSL"),
				"sasl_mechanisms": strSet("SCRAM-SHA-512"),
				"admin_username":  types.StringValue("admin"),
				"admin_password":  types.StringValue("s3cret-pass"),
			}),
			Network: types.ObjectValueMust(networkAttrTypes, map[string]attr.Value{
				"allowed_cidrs": strSet("10.0.0.0/16"),
			}),
			Retention: types.ObjectValueMust(retentionAttrTypes, map[string]attr.Value{
				"default_hours":   types.Int64Value(48),
				"capacity_policy": types.StringValue("PRODUCE_REJECT"),
			}),
			MaintenanceWindow: types.ObjectValueMust(maintenanceWindowAttrTypes, map[string]attr.Value{
				"day_of_week":    types.StringValue("SUNDAY"),
				"start_hour":     types.Int64Value(2),
				"duration_hours": types.Int64Value(3),
			}),
			Billing: types.ObjectValueMust(billingAttrTypes, map[string]attr.Value{
				"mode":          types.StringValue("PREPAID"),
				"period_months": types.Int64Value(12),
				"auto_renew":    types.BoolValue(true),
			}),
			Tags:               strMap(map[string]string{"team": "payments"}),
			BrokerConfig:       strMap(map[string]string{"log.cleaner.threads": "2"}),
			AutoCreateTopics:   types.BoolValue(true),
			DeletionProtection: types.BoolValue(true),
			Status:             types.StringUnknown(),
			BootstrapServers:   types.StringUnknown(),
			Connection:         types.ObjectUnknown(connectionAttrTypes),
			CreatedAt:          types.StringUnknown(),
		},
	}
}

func assertJSON(t *testing.T, got any, want string) {
	t.Helper()
	gotJSON, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var g, w any
	if err := json.Unmarshal(gotJSON, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad expectation: %v", err)
	}
	gb, _ := json.MarshalIndent(g, "", "  ")
	wb, _ := json.MarshalIndent(w, "", "  ")
	if string(gb) != string(wb) {
		t.Errorf("JSON differs\n got: %s\nwant: %s", gb, wb)
	}
}

func TestToInstanceCreate_sendsEveryConfiguredField(t *testing.T) {
	order, diags := toInstanceCreate(context.Background(), fullPlan())
	if diags.HasError() {
		t.Fatal(diags)
	}
	assertJSON(t, order, `{
	  "name": "orders", "description": "order events", "flavor": "kafka.2u4g", "brokerCount": 3,
	  "availabilityZones": ["az1", "az2", "az3"], "storageGb": 100, "kafkaVersion": "4.1.1",
	  "security": {"protocol": "SASL_SSL", "saslMechanisms": ["SCRAM-SHA-512"], "adminUsername": "admin", "adminPassword": "s3cret-pass"},
	  "network": {"allowedCidrs": ["10.0.0.0/16"]},
	  "retention": {"defaultHours": 48, "capacityPolicy": "PRODUCE_REJECT"},
	  "maintenanceWindow": {"dayOfWeek": "SUNDAY", "startHour": 2, "durationHours": 3},
	  "billing": {"mode": "PREPAID", "periodMonths": 12, "autoRenew": true},
	  "tags": {"team": "payments"},
	  "brokerConfig": {"log.cleaner.threads": "2"},
	  "autoCreateTopics": true,
	  "deletionProtection": true
	}`)
}

func TestToInstanceCreate_leavesUnconfiguredFieldsToTheServer(t *testing.T) {
	plan := fullPlan()
	plan.Description = types.StringNull()
	plan.KafkaVersion = types.StringUnknown()
	plan.Security = types.ObjectUnknown(securityAttrTypes)
	plan.Network = types.ObjectUnknown(networkAttrTypes)
	plan.Retention = types.ObjectValueMust(retentionAttrTypes, map[string]attr.Value{
		"default_hours":   types.Int64Unknown(),
		"capacity_policy": types.StringValue("TIME_BASE"),
	})
	plan.MaintenanceWindow = types.ObjectUnknown(maintenanceWindowAttrTypes)
	plan.Billing = types.ObjectValueMust(billingAttrTypes, map[string]attr.Value{
		"mode":          types.StringValue("PAY_PER_USE"),
		"period_months": types.Int64Unknown(),
		"auto_renew":    types.BoolUnknown(),
	})
	plan.Tags = types.MapNull(types.StringType)
	plan.BrokerConfig = types.MapNull(types.StringType)
	plan.AutoCreateTopics = types.BoolUnknown()
	plan.DeletionProtection = types.BoolUnknown()

	order, diags := toInstanceCreate(context.Background(), plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	assertJSON(t, order, `{
	  "name": "orders", "flavor": "kafka.2u4g", "brokerCount": 3,
	  "availabilityZones": ["az1", "az2", "az3"], "storageGb": 100,
	  "retention": {"capacityPolicy": "TIME_BASE"},
	  "billing": {"mode": "PAY_PER_USE"}
	}`)
}

func TestToInstanceCreate_autoCreateTopicsDefaultIsSent(t *testing.T) {
	plan := fullPlan()
	plan.AutoCreateTopics = types.BoolValue(false) // the schema default
	order, diags := toInstanceCreate(context.Background(), plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if order.AutoCreateTopics == nil || *order.AutoCreateTopics {
		t.Errorf("autoCreateTopics = %v, want false sent", order.AutoCreateTopics)
	}
}

const apiInstanceJSON = `{
  "id": "6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c", "projectId": "0b7c0c39-5d3c-4b8f-8a9d-3e0c2f1a4b5d",
  "name": "orders", "description": null, "status": "RUNNING", "statusReason": null,
  "flavor": "kafka.2u4g", "brokerCount": 3, "availabilityZones": ["az1", "az2", "az3"], "storageGb": 100,
  "kafkaVersion": "4.1.1",
  "security": {"protocol": "SASL_PLAINTEXT", "saslMechanisms": ["SCRAM-SHA-512", "PLAIN"], "adminUsername": "admin"},
  "network": {"allowedCidrs": ["0.0.0.0/0"]},
  "retention": {"defaultHours": 72, "capacityPolicy": "TIME_BASE"},
  "maintenanceWindow": null,
  "billing": {"mode": "PAY_PER_USE", "autoRenew": false},
  "tags": {}, "brokerConfig": {},
  "bootstrapServers": "127.0.0.1:19092,127.0.0.1:19093",
  "autoCreateTopics": true, "deletionProtection": false,
  "connection": {"bootstrapServers": "127.0.0.1:19092,127.0.0.1:19093", "securityProtocol": "SASL_PLAINTEXT",
    "saslMechanisms": ["SCRAM-SHA-512", "PLAIN"], "tlsEnabled": false,
    "clientProperties": "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n"},
  "brokers": [], "currentOperationId": null,
  "createdAt": "2025-03-01T10:00:00.123+01:00", "updatedAt": "2025-03-01T10:05:00Z",
  "someFieldOfALaterRelease": true
}`

func apiInstance(t *testing.T) client.Instance {
	t.Helper()
	var in client.Instance
	if err := json.Unmarshal([]byte(apiInstanceJSON), &in); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return in
}

func TestFromInstance_mapsTheAPIView(t *testing.T) {
	ctx := context.Background()
	prior := fullPlan()
	prior.Tags = types.MapNull(types.StringType)
	prior.BrokerConfig = types.MapNull(types.StringType)

	m, diags := fromInstance(ctx, apiInstance(t), prior)
	if diags.HasError() {
		t.Fatal(diags)
	}
	checks := map[string][2]string{
		"id":                {m.ID.ValueString(), "6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c"},
		"status":            {m.Status.ValueString(), "RUNNING"},
		"bootstrap_servers": {m.BootstrapServers.ValueString(), "127.0.0.1:19092,127.0.0.1:19093"},
		"created_at":        {m.CreatedAt.ValueString(), "2025-03-01T09:00:00Z"},
		"kafka_version":     {m.KafkaVersion.ValueString(), "4.1.1"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if !m.Description.IsNull() {
		t.Errorf("description = %v, want null", m.Description)
	}
	if m.BrokerCount.ValueInt64() != 3 || m.StorageGB.ValueInt64() != 100 {
		t.Errorf("broker_count/storage_gb = %v/%v", m.BrokerCount, m.StorageGB)
	}
	if !m.AvailabilityZones.Equal(strList("az1", "az2", "az3")) {
		t.Errorf("availability_zones = %v", m.AvailabilityZones)
	}
	// The API never returns the password: the configured one stays.
	wantSecurity := types.ObjectValueMust(securityAttrTypes, map[string]attr.Value{
		"protocol":        types.StringValue("SASL_PLAINTEXT"),
		"sasl_mechanisms": strSet("PLAIN", "SCRAM-SHA-512"),
		"admin_username":  types.StringValue("admin"),
		"admin_password":  types.StringValue("s3cret-pass"),
	})
	if !m.Security.Equal(wantSecurity) {
		t.Errorf("security = %v, want %v", m.Security, wantSecurity)
	}
	if !m.MaintenanceWindow.IsNull() {
		t.Errorf("maintenance_window = %v, want null", m.MaintenanceWindow)
	}
	wantBilling := types.ObjectValueMust(billingAttrTypes, map[string]attr.Value{
		"mode": types.StringValue("PAY_PER_USE"), "period_months": types.Int64Null(), "auto_renew": types.BoolValue(false),
	})
	if !m.Billing.Equal(wantBilling) {
		t.Errorf("billing = %v, want %v", m.Billing, wantBilling)
	}
	wantRetention := types.ObjectValueMust(retentionAttrTypes, map[string]attr.Value{
		"default_hours": types.Int64Value(72), "capacity_policy": types.StringValue("TIME_BASE"),
	})
	if !m.Retention.Equal(wantRetention) {
		t.Errorf("retention = %v, want %v", m.Retention, wantRetention)
	}
	// Empty API maps stay null when the configuration has none: no perpetual diff.
	if !m.Tags.IsNull() || !m.BrokerConfig.IsNull() {
		t.Errorf("tags/broker_config = %v/%v, want null", m.Tags, m.BrokerConfig)
	}
}

func TestFromInstance_afterImportHasNoPasswordAndKeepsEmptyMapsWhenConfigured(t *testing.T) {
	ctx := context.Background()
	m, diags := fromInstance(ctx, apiInstance(t), instanceModel{instanceView: instanceView{Tags: strMap(map[string]string{})}})
	if diags.HasError() {
		t.Fatal(diags)
	}
	var s securityModel
	if d := m.Security.As(ctx, &s, basetypesObjectAsOptions()); d.HasError() {
		t.Fatal(d)
	}
	if !s.AdminPassword.IsNull() {
		t.Errorf("admin_password = %v, want null", s.AdminPassword)
	}
	if m.Tags.IsNull() || len(m.Tags.Elements()) != 0 {
		t.Errorf("tags = %v, want {}", m.Tags)
	}
	if !m.BrokerConfig.IsNull() {
		t.Errorf("broker_config = %v, want null", m.BrokerConfig)
	}
}

func TestToInstanceUpdate(t *testing.T) {
	ctx := context.Background()
	state := fullPlan()

	t.Run("nothing to patch", func(t *testing.T) {
		upd, diags := toInstanceUpdate(ctx, state, state)
		if diags.HasError() || upd != nil {
			t.Fatalf("got %+v, %v; want nil", upd, diags)
		}
	})
	t.Run("rename and retag", func(t *testing.T) {
		plan := state
		plan.Name = types.StringValue("orders-v2")
		plan.Tags = strMap(map[string]string{"team": "payments", "env": "prod"})
		upd, diags := toInstanceUpdate(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, upd, `{"name": "orders-v2", "tags": {"team": "payments", "env": "prod"}}`)
	})
	t.Run("removed description and tags are cleared", func(t *testing.T) {
		plan := state
		plan.Description = types.StringNull()
		plan.Tags = types.MapNull(types.StringType)
		upd, diags := toInstanceUpdate(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, upd, `{"description": "", "tags": {}}`)
	})
}

// Flavor, broker count, storage, broker settings, the window and deletion protection change in place:
// each is sent only when it changed, and removed broker settings are cleared.
func TestToInstanceUpdate_dayTwoChanges(t *testing.T) {
	ctx := context.Background()
	state := fullPlan()

	t.Run("flavor, storage, broker settings, window and protection", func(t *testing.T) {
		plan := state
		plan.KafkaVersion = types.StringValue("4.3.1")
		plan.Flavor = types.StringValue("kafka.4u8g")
		plan.StorageGB = types.Int64Value(200)
		plan.BrokerConfig = strMap(map[string]string{"log.cleaner.threads": "4", "message.max.bytes": "2097152"})
		plan.MaintenanceWindow = types.ObjectValueMust(maintenanceWindowAttrTypes, map[string]attr.Value{
			"day_of_week":    types.StringValue("WEDNESDAY"),
			"start_hour":     types.Int64Value(22),
			"duration_hours": types.Int64Null(),
		})
		plan.DeletionProtection = types.BoolValue(false)
		upd, diags := toInstanceUpdate(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, upd, `{"kafkaVersion": "4.3.1", "flavor": "kafka.4u8g", "storageGb": 200,
		  "brokerConfig": {"log.cleaner.threads": "4", "message.max.bytes": "2097152"},
		  "maintenanceWindow": {"dayOfWeek": "WEDNESDAY", "startHour": 22},
		  "deletionProtection": false}`)
	})
	t.Run("a new broker count", func(t *testing.T) {
		plan := state
		plan.BrokerCount = types.Int64Value(4)
		upd, diags := toInstanceUpdate(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, upd, `{"brokerCount": 4}`)
	})
	t.Run("removed broker settings are cleared", func(t *testing.T) {
		plan := state
		plan.BrokerConfig = types.MapNull(types.StringType)
		upd, diags := toInstanceUpdate(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, upd, `{"brokerConfig": {}}`)
	})
	t.Run("a window or protection left to the state is not sent", func(t *testing.T) {
		plan := state
		plan.MaintenanceWindow = types.ObjectUnknown(maintenanceWindowAttrTypes)
		plan.DeletionProtection = types.BoolUnknown()
		if upd, _ := toInstanceUpdate(ctx, plan, state); upd != nil {
			t.Errorf("update = %+v, want none", upd)
		}
	})
}

func TestFromInstance_mapsDeletionProtection(t *testing.T) {
	in := apiInstance(t)
	in.DeletionProtection = true
	m, diags := fromInstance(context.Background(), in, fullPlan())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !m.DeletionProtection.Equal(types.BoolValue(true)) {
		t.Errorf("deletion_protection = %v, want true", m.DeletionProtection)
	}
}

func basetypesObjectAsOptions() basetypes.ObjectAsOptions { return basetypes.ObjectAsOptions{} }

func TestFromInstance_mapsConnectionInfoAndAutoCreateTopics(t *testing.T) {
	m, diags := fromInstance(context.Background(), apiInstance(t), fullPlan())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !m.AutoCreateTopics.Equal(types.BoolValue(true)) {
		t.Errorf("auto_create_topics = %v, want true", m.AutoCreateTopics)
	}
	want := types.ObjectValueMust(connectionAttrTypes, map[string]attr.Value{
		"bootstrap_servers": types.StringValue("127.0.0.1:19092,127.0.0.1:19093"),
		"security_protocol": types.StringValue("SASL_PLAINTEXT"),
		"sasl_mechanisms":   strSet("PLAIN", "SCRAM-SHA-512"),
		"tls_enabled":       types.BoolValue(false),
		"client_properties": types.StringValue("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n"),
		"ca_certificate":    types.StringNull(), // no TLS, no CA
	})
	if !m.Connection.Equal(want) {
		t.Errorf("connection_info = %v\nwant %v", m.Connection, want)
	}
}

func TestFromInstance_connectionInfoIsNullUntilRunning(t *testing.T) {
	in := apiInstance(t)
	in.Connection = *client.NewNullableConnectionInfo(nil)
	m, diags := fromInstance(context.Background(), in, fullPlan())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !m.Connection.IsNull() {
		t.Errorf("connection_info = %v, want null", m.Connection)
	}
}

// A refresh keeps the CA certificate of a TLS connection (fetchCACertificate reads it
// again); a connection without TLS never has one.
func TestFromInstance_caCertificateOnlyWithTLS(t *testing.T) {
	ctx := context.Background()
	const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
	in := apiInstance(t)
	tls := *in.Connection.Get()
	tls.SecurityProtocol = client.SECURITYPROTOCOL_SASL_SSL
	tls.SetTlsEnabled(true)
	in.Connection = *client.NewNullableConnectionInfo(&tls)

	prior := fullPlan()
	conn, diags := connectionObject(ctx, &tls, types.StringNull())
	if diags.HasError() {
		t.Fatal(diags)
	}
	prior.Connection, diags = withCACertificate(conn, pem)
	if diags.HasError() {
		t.Fatal(diags)
	}
	m, diags := fromInstance(ctx, in, prior)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := priorCACertificate(ctx, m.Connection); got.ValueString() != pem {
		t.Errorf("ca_certificate = %v, want the prior PEM", got)
	}
	if !connectionNeedsCA(in) {
		t.Error("a SASL_SSL connection with tlsEnabled needs the CA")
	}

	plain := apiInstance(t)
	m, _ = fromInstance(ctx, plain, prior)
	if got := priorCACertificate(ctx, m.Connection); !got.IsNull() {
		t.Errorf("ca_certificate = %v without TLS, want null", got)
	}
	if connectionNeedsCA(plain) {
		t.Error("a SASL_PLAINTEXT connection needs no CA")
	}
}

func TestToInstanceUpdate_retentionInPlace(t *testing.T) {
	ctx := context.Background()
	state := fullPlan()
	plan := state
	plan.Retention = types.ObjectValueMust(retentionAttrTypes, map[string]attr.Value{
		"default_hours":   types.Int64Value(24),
		"capacity_policy": types.StringValue("PRODUCE_REJECT"), // unchanged, sent along
	})
	upd, diags := toInstanceUpdate(ctx, plan, state)
	if diags.HasError() {
		t.Fatal(diags)
	}
	assertJSON(t, upd, `{"retention": {"defaultHours": 24, "capacityPolicy": "PRODUCE_REJECT"}}`)

	// An omitted retention is planned as the state's (UseStateForUnknown): no PATCH.
	plan.Retention = state.Retention
	if upd, _ := toInstanceUpdate(ctx, plan, state); upd != nil {
		t.Errorf("update = %+v, want none", upd)
	}
}

func TestToNetworkRules(t *testing.T) {
	ctx := context.Background()
	state := fullPlan() // allowed_cidrs 10.0.0.0/16
	network := func(cidrs types.Set) types.Object {
		return types.ObjectValueMust(networkAttrTypes, map[string]attr.Value{"allowed_cidrs": cidrs})
	}

	t.Run("changed list is replaced, sorted", func(t *testing.T) {
		plan := state
		plan.Network = network(strSet("192.168.0.0/24", "10.0.0.0/16", "127.0.0.0/8"))
		rules, diags := toNetworkRules(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, rules, `{"allowedCidrs": ["10.0.0.0/16", "127.0.0.0/8", "192.168.0.0/24"]}`)
	})
	t.Run("an empty list is sent as such (every address)", func(t *testing.T) {
		plan := state
		plan.Network = network(strSet())
		rules, diags := toNetworkRules(ctx, plan, state)
		if diags.HasError() {
			t.Fatal(diags)
		}
		assertJSON(t, rules, `{"allowedCidrs": []}`)
	})
	t.Run("unchanged or unknown sends nothing", func(t *testing.T) {
		for name, n := range map[string]types.Object{
			"unchanged":     state.Network,
			"unknown":       types.ObjectUnknown(networkAttrTypes),
			"unknown cidrs": network(types.SetUnknown(types.StringType)),
		} {
			plan := state
			plan.Network = n
			if rules, diags := toNetworkRules(ctx, plan, state); rules != nil || diags.HasError() {
				t.Errorf("%s: rules = %+v, %v; want none", name, rules, diags)
			}
		}
	})
	t.Run("no network in state (import of an old state)", func(t *testing.T) {
		prior := state
		prior.Network = types.ObjectNull(networkAttrTypes)
		rules, _ := toNetworkRules(ctx, state, prior)
		assertJSON(t, rules, `{"allowedCidrs": ["10.0.0.0/16"]}`)
	})
}

func TestFetchCACertificate_onlyForTLSInstances(t *testing.T) {
	const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
	var calls []string
	api := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		calls = append(calls, r.Method+" "+r.URL.Path)
		w.Header().Set("Content-Type", "application/x-pem-file")
		_, _ = w.Write([]byte(pem))
	})
	ctx := context.Background()

	plain := apiInstance(t)
	conn, _ := connectionObject(ctx, plain.Connection.Get(), types.StringNull())
	got, diags := fetchCACertificate(ctx, api, plain, conn)
	if diags.HasError() || !got.Equal(conn) || len(calls) != 0 {
		t.Errorf("SASL_PLAINTEXT: %v, %v, calls %v; want no call and no change", got, diags, calls)
	}

	tlsInstance := apiInstance(t)
	tls := *tlsInstance.Connection.Get()
	tls.SetTlsEnabled(true)
	tlsInstance.Connection = *client.NewNullableConnectionInfo(&tls)
	conn, _ = connectionObject(ctx, &tls, types.StringNull())
	got, diags = fetchCACertificate(ctx, api, tlsInstance, conn)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if ca := priorCACertificate(ctx, got); ca.ValueString() != pem {
		t.Errorf("ca_certificate = %v, want the PEM", ca)
	}
	want := "GET /api/v1/projects/p/instances/" + tlsInstance.Id + "/certificates/ca"
	if len(calls) != 1 || calls[0] != want {
		t.Errorf("calls = %v, want [%s]", calls, want)
	}
}
