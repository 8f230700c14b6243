package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	acc "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Checks of the acceptance tests that read through accAPI what a resource of the state
// stands for. get reads it for one resource of the state; what names it in errors.

// checkAPI reads the resource at addr through the API and checks it.
func checkAPI[T any](addr, what string, get func(context.Context, *terraform.InstanceState) (*T, *http.Response, error),
	check func(*T) error) acc.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		v, _, err := get(context.Background(), rs.Primary)
		if err != nil {
			return fmt.Errorf("GET %s %s: %s", what, rs.Primary.ID, describeAPIError(err))
		}
		return check(v)
	}
}

// checkChildrenDestroyed: after destroy, GET answers 404 for every resource of resType
// (something of an instance) that was in state, or fails because its instance is gone
// too, as instanceGone tells.
func checkChildrenDestroyed[T any](resType, what string, get func(context.Context, *terraform.InstanceState) (*T, *http.Response, error),
	instanceGone func(ctx context.Context, httpResp *http.Response, instanceID string) bool) acc.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resType {
				continue
			}
			_, httpResp, err := get(ctx, rs.Primary)
			if isNotFound(httpResp, err) || (err != nil && instanceGone(ctx, httpResp, rs.Primary.Attributes["instance_id"])) {
				continue
			}
			if err == nil {
				return fmt.Errorf("%s %s still exists", what, rs.Primary.ID)
			}
			return fmt.Errorf("GET %s %s: %s", what, rs.Primary.ID, describeAPIError(err))
		}
		return nil
	}
}

// checkIDByName checks that the resource at addr is of the acceptance instance, with the
// id `<instance_id>/<name>`, and keeps the id in *id for later steps.
func checkIDByName(addr, name string, id *string) acc.TestCheckFunc {
	return acc.ComposeAggregateTestCheckFunc(
		acc.TestCheckResourceAttrPair(addr, "instance_id", instanceAddr, "id"),
		acc.TestCheckResourceAttrWith(addr, "id", func(v string) error {
			*id = v
			if !strings.HasSuffix(v, "/"+name) {
				return fmt.Errorf("id %q, want <instance_id>/%s", v, name)
			}
			return nil
		}),
	)
}

// importIDByName is the import id `<instance_id>/<name>` of the resource at addr.
func importIDByName(addr string) acc.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes["instance_id"] + "/" + rs.Primary.Attributes["name"], nil
	}
}

// deleteBehindTerraform is a PreConfig that deletes through the API, with del, the thing
// of an instance whose Terraform id *id holds when it runs.
func deleteBehindTerraform(t *testing.T, k childKind, id *string,
	del func(ctx context.Context, instanceID, key string) (*http.Response, error)) func() {
	return func() {
		instanceID, key, err := k.parse(*id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := del(context.Background(), instanceID, key); err != nil {
			t.Fatalf("DELETE behind Terraform's back: %s", describeAPIError(err))
		}
	}
}

// accInstanceGone is instanceGone on accAPI.
func accInstanceGone(ctx context.Context, httpResp *http.Response, instanceID string) bool {
	return instanceGone(ctx, accAPI, httpResp, instanceID)
}
