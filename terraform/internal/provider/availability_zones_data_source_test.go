package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccAvailabilityZonesDataSource(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { accPreCheck(t) },
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `data "tributary_availability_zones" "all" {}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckTypeSetElemAttr("data.tributary_availability_zones.all", "names.*", "az1"),
				resource.TestCheckTypeSetElemAttr("data.tributary_availability_zones.all", "names.*", "az2"),
				resource.TestCheckTypeSetElemAttr("data.tributary_availability_zones.all", "names.*", "az3"),
			),
		}},
	})
}
