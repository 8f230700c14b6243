package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

var _ datasource.DataSourceWithConfigure = &flavorsDataSource{}

// NewFlavorsDataSource is the tributary_flavors data source.
func NewFlavorsDataSource() datasource.DataSource {
	return &flavorsDataSource{}
}

type flavorsDataSource struct {
	dataSourceAPI
}

type flavorsModel struct {
	Flavors []flavorModel `tfsdk:"flavors"`
}

type flavorModel struct {
	ID                     types.String  `tfsdk:"id"`
	Vcpus                  types.Int64   `tfsdk:"vcpus"`
	MemoryGB               types.Int64   `tfsdk:"memory_gb"`
	MaxPartitionsPerBroker types.Int64   `tfsdk:"max_partitions_per_broker"`
	MinBrokers             types.Int64   `tfsdk:"min_brokers"`
	MaxBrokers             types.Int64   `tfsdk:"max_brokers"`
	MinStorageGB           types.Int64   `tfsdk:"min_storage_gb"`
	MaxStorageGB           types.Int64   `tfsdk:"max_storage_gb"`
	BrokerHeapMB           types.Int64   `tfsdk:"broker_heap_mb"`
	NumNetworkThreads      types.Int64   `tfsdk:"num_network_threads"`
	NumIoThreads           types.Int64   `tfsdk:"num_io_threads"`
	NumReplicaFetchers     types.Int64   `tfsdk:"num_replica_fetchers"`
	HourlyPricePerBroker   types.Float64 `tfsdk:"hourly_price_per_broker"`
	HourlyPricePerGB       types.Float64 `tfsdk:"hourly_price_per_gb"`
	Currency               types.String  `tfsdk:"currency"`
}

func (d *flavorsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_flavors"
}

func (d *flavorsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	intAttr := func(md string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: md, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The broker flavors of the catalog, with their limits, the tuning they imply and their price.",
		Attributes: map[string]schema.Attribute{
			"flavors": schema.ListNestedAttribute{
				MarkdownDescription: "Flavors, as the catalog lists them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":                        schema.StringAttribute{MarkdownDescription: "Flavor id, e.g. `kafka.2u4g`; the `flavor` of `tributary_instance`.", Computed: true},
						"vcpus":                     intAttr("vCPUs per broker."),
						"memory_gb":                 intAttr("Memory per broker in GB."),
						"max_partitions_per_broker": intAttr("Partitions (replicas included) a broker may hold."),
						"min_brokers":               intAttr("Fewest brokers an instance of this flavor may have."),
						"max_brokers":               intAttr("Most brokers an instance of this flavor may have."),
						"min_storage_gb":            intAttr("Least storage per broker in GB."),
						"max_storage_gb":            intAttr("Most storage per broker in GB."),
						"broker_heap_mb":            intAttr("JVM heap of a broker in MB."),
						"num_network_threads":       intAttr("Kafka `num.network.threads`."),
						"num_io_threads":            intAttr("Kafka `num.io.threads`."),
						"num_replica_fetchers":      intAttr("Kafka `num.replica.fetchers`."),
						"hourly_price_per_broker":   schema.Float64Attribute{MarkdownDescription: "Price of one broker for one hour.", Computed: true},
						"hourly_price_per_gb":       schema.Float64Attribute{MarkdownDescription: "Price of one GB of storage for one hour (null when storage is not charged).", Computed: true},
						"currency":                  schema.StringAttribute{MarkdownDescription: "Currency of the prices, e.g. `USD`.", Computed: true},
					},
				},
			},
		},
	}
}

func (d *flavorsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	flavors, _, err := d.api.api.CatalogAPI.ListFlavors(ctx).Execute()
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not list flavors", err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, fromFlavors(flavors))...)
}

func fromFlavors(flavors []client.Flavor) *flavorsModel {
	m := &flavorsModel{Flavors: make([]flavorModel, 0, len(flavors))}
	for _, f := range flavors {
		perGB := types.Float64Null()
		if f.HourlyPricePerGb != nil {
			perGB = types.Float64Value(*f.HourlyPricePerGb)
		}
		m.Flavors = append(m.Flavors, flavorModel{
			ID:                     types.StringValue(f.Id),
			Vcpus:                  types.Int64Value(int64(f.Vcpus)),
			MemoryGB:               types.Int64Value(int64(f.MemoryGb)),
			MaxPartitionsPerBroker: types.Int64Value(int64(f.MaxPartitionsPerBroker)),
			MinBrokers:             types.Int64Value(int64(f.MinBrokers)),
			MaxBrokers:             types.Int64Value(int64(f.MaxBrokers)),
			MinStorageGB:           types.Int64Value(int64(f.MinStorageGb)),
			MaxStorageGB:           types.Int64Value(int64(f.MaxStorageGb)),
			BrokerHeapMB:           types.Int64Value(int64(f.BrokerHeapMb)),
			NumNetworkThreads:      types.Int64Value(int64(f.NumNetworkThreads)),
			NumIoThreads:           types.Int64Value(int64(f.NumIoThreads)),
			NumReplicaFetchers:     types.Int64Value(int64(f.NumReplicaFetchers)),
			HourlyPricePerBroker:   types.Float64Value(f.HourlyPricePerBroker),
			HourlyPricePerGB:       perGB,
			Currency:               types.StringValue(f.Currency),
		})
	}
	return m
}
