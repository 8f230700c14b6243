package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = &availabilityZonesDataSource{}

// NewAvailabilityZonesDataSource is the tributary_availability_zones data source.
func NewAvailabilityZonesDataSource() datasource.DataSource {
	return &availabilityZonesDataSource{}
}

type availabilityZonesDataSource struct {
	dataSourceAPI
}

type availabilityZonesModel struct {
	Names types.List `tfsdk:"names"`
}

func (d *availabilityZonesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_availability_zones"
}

func (d *availabilityZonesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The availability zones brokers can be placed in.",
		Attributes: map[string]schema.Attribute{
			"names": schema.ListAttribute{
				MarkdownDescription: "Zone names, e.g. `az1`, as the catalog lists them; use them in `availability_zones` " +
					"of `tributary_instance` (one zone, or three and more).",
				Computed:    true,
				ElementType: types.StringType,
			},
		},
	}
}

func (d *availabilityZonesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	zones, _, err := d.api.api.CatalogAPI.ListAvailabilityZones(ctx).Execute()
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not list availability zones", err))
		return
	}
	names := make([]string, 0, len(zones))
	for _, z := range zones {
		names = append(names, z.Name)
	}
	list, diags := types.ListValueFrom(ctx, types.StringType, names)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &availabilityZonesModel{Names: list})...)
}
