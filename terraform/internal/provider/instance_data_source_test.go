package provider

import (
	"context"
	"testing"
)

func TestFromInstanceData_hasNoPasswordAndAlwaysMaps(t *testing.T) {
	m, diags := fromInstanceData(context.Background(), apiInstance(t))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if _, ok := m.Security.Attributes()["admin_password"]; ok {
		t.Error("data source security has admin_password")
	}
	if m.Tags.IsNull() || m.BrokerConfig.IsNull() {
		t.Errorf("tags/broker_config = %v/%v, want {}", m.Tags, m.BrokerConfig)
	}
	if m.StatusReason.ValueString() != "" || !m.StatusReason.IsNull() {
		t.Errorf("status_reason = %v, want null", m.StatusReason)
	}
}
