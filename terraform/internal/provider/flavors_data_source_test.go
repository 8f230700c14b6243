package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

func TestFromFlavors(t *testing.T) {
	perGB := 0.0001
	m := fromFlavors([]client.Flavor{
		{Id: "kafka.2u4g", Vcpus: 2, MemoryGb: 4, MinBrokers: 3, MaxBrokers: 30, MinStorageGb: 100, MaxStorageGb: 10000,
			HourlyPricePerBroker: 0.25, HourlyPricePerGb: &perGB, Currency: "USD"},
		{Id: "kafka.4u8g", Vcpus: 4, HourlyPricePerBroker: 0.5, Currency: "USD"},
	})
	if len(m.Flavors) != 2 {
		t.Fatalf("%d flavors", len(m.Flavors))
	}
	f := m.Flavors[0]
	if f.ID.ValueString() != "kafka.2u4g" || f.Vcpus.ValueInt64() != 2 || f.MaxBrokers.ValueInt64() != 30 ||
		f.HourlyPricePerBroker.ValueFloat64() != 0.25 || f.HourlyPricePerGB.ValueFloat64() != perGB || f.Currency.ValueString() != "USD" {
		t.Errorf("flavor = %+v", f)
	}
	if !m.Flavors[1].HourlyPricePerGB.IsNull() {
		t.Errorf("absent price per GB = %v, want null", m.Flavors[1].HourlyPricePerGB)
	}
}

func TestAccFlavorsDataSource(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { accPreCheck(t) },
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "tributary_flavors" "all" {}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckTypeSetElemNestedAttrs("data.tributary_flavors.all", "flavors.*", map[string]string{
					"id":    "kafka.2u4g",
					"vcpus": "2",
				}),
				resource.TestCheckResourceAttrSet("data.tributary_flavors.all", "flavors.0.currency"),
			),
		}},
	})
}
