package provider

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// The acceptance tests (TF_ACC=1) run against a real control plane that TestMain starts
// from ../api/target/tributary.jar (relative to the module root; TRIBUTARY_JAR overrides)
// with a fresh TRIBUTARY_HOME, a free port and a random bootstrap API key. Set
// TRIBUTARY_ENDPOINT and TRIBUTARY_API_KEY (and TRIBUTARY_PROJECT) to use a running one
// instead.

const (
	serverStartTimeout = 4 * time.Minute
	serverStopTimeout  = 90 * time.Second
)

// accAPI is a client of the control plane the acceptance tests use, for checks and for
// changes behind Terraform's back.
var accAPI *apiContext

func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC") == "" {
		os.Exit(m.Run())
	}
	os.Exit(runAcceptance(m))
}

func runAcceptance(m *testing.M) int {
	pollInterval = 2 * time.Second

	// An empty CLI configuration: no warning about a missing ~/.terraformrc, and no
	// developer's dev_overrides or mirrors in the way.
	if os.Getenv("TF_CLI_CONFIG_FILE") == "" {
		if f, err := os.CreateTemp("", "tfacc-*.tfrc"); err == nil {
			f.Close()
			defer os.Remove(f.Name())
			os.Setenv("TF_CLI_CONFIG_FILE", f.Name())
		}
	}

	var srv *controlPlane
	if os.Getenv(EnvEndpoint) == "" || os.Getenv(EnvAPIKey) == "" {
		var err error
		srv, err = startControlPlane()
		if err != nil {
			fmt.Fprintf(os.Stderr, "acceptance: cannot start the control plane: %v\n", err)
			if srv != nil {
				srv.printLog(os.Stderr, 80)
				srv.stop()
			}
			return 1
		}
		stopOnSignal(srv)
		os.Setenv(EnvEndpoint, srv.endpoint)
		os.Setenv(EnvAPIKey, srv.token)
		os.Unsetenv(EnvProject)
	}
	accAPI = &apiContext{api: newAPIClient(os.Getenv(EnvEndpoint), os.Getenv(EnvAPIKey), "tfacc")}

	if os.Getenv(EnvProject) == "" {
		me, _, err := accAPI.api.IdentityAPI.GetCurrentUser(context.Background()).Execute()
		if err != nil || len(me.Memberships) == 0 {
			fmt.Fprintf(os.Stderr, "acceptance: GET /api/v1/me: %v %v\n", describeAPIError(err), me)
			if srv != nil {
				srv.printLog(os.Stderr, 80)
				srv.stop()
			}
			return 1
		}
		os.Setenv(EnvProject, me.Memberships[0].ProjectId)
		fmt.Fprintf(os.Stderr, "acceptance: project %s (%s)\n", me.Memberships[0].ProjectId, me.Memberships[0].ProjectName)
	}
	accAPI.project = os.Getenv(EnvProject)

	code := m.Run()

	sweepInstances()
	if srv != nil {
		if code != 0 {
			srv.printLog(os.Stderr, 60)
		}
		srv.stop()
	}
	return code
}

// stopOnSignal stops the control plane (and its brokers) when the test binary is
// interrupted, e.g. by Ctrl-C or by a CI timeout.
func stopOnSignal(srv *controlPlane) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-signals
		fmt.Fprintf(os.Stderr, "acceptance: %s; stopping the control plane\n", sig)
		srv.stop()
		os.Exit(2)
	}()
}

// sweepInstances deletes what a failed test left behind (instances named tfacc-*), so no
// broker processes outlive the run.
func sweepInstances() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	page, _, err := accAPI.api.InstancesAPI.ListInstances(ctx, accAPI.project).Q(accTestPrefix).Size(200).Execute()
	if err != nil {
		fmt.Fprintf(os.Stderr, "sweeper: cannot list instances: %s\n", describeAPIError(err))
		return
	}
	for _, in := range page.Items {
		if !strings.HasPrefix(in.Name, accTestPrefix) {
			continue
		}
		fmt.Fprintf(os.Stderr, "sweeper: deleting leftover instance %s (%s, %s)\n", in.Name, in.Id, in.Status)
		if in.DeletionProtection {
			// A run that stopped between the day-2 steps leaves it protected.
			_, _, err := accAPI.api.InstancesAPI.UpdateInstance(ctx, accAPI.project, in.Id).
				InstanceUpdate(client.InstanceUpdate{DeletionProtection: client.PtrBool(false)}).Execute()
			if err != nil {
				fmt.Fprintf(os.Stderr, "sweeper: cannot lift deletion protection: %s\n", describeAPIError(err))
			}
		}
		_, httpResp, err := accAPI.api.InstancesAPI.DeleteInstance(ctx, accAPI.project, in.Id).Execute()
		if err != nil && !isNotFound(httpResp, err) {
			fmt.Fprintf(os.Stderr, "sweeper: %s\n", describeAPIError(err))
			continue
		}
		if err := waitForGone(ctx, accAPI, in.Id); err != nil {
			fmt.Fprintf(os.Stderr, "sweeper: %v\n", err)
		}
	}
}

type controlPlane struct {
	cmd      *exec.Cmd
	home     string
	logPath  string
	endpoint string
	token    string
	exited   chan error
}

// startControlPlane runs the control-plane jar and waits until it reports UP.
func startControlPlane() (*controlPlane, error) {
	jar, err := controlPlaneJar()
	if err != nil {
		return nil, err
	}
	home, err := os.MkdirTemp("", "tributary-tfacc-")
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	random := make([]byte, 16)
	if _, err := rand.Read(random); err != nil {
		return nil, err
	}
	cp := &controlPlane{
		home:     home,
		logPath:  filepath.Join(home, "control-plane.log"),
		endpoint: fmt.Sprintf("http://127.0.0.1:%d", port),
		token:    "trb_tfacc_" + hex.EncodeToString(random),
		exited:   make(chan error, 1),
	}
	// Run a copy: a rebuild of the jar during a long run must not pull classes from under it.
	if err := copyFile(jar, filepath.Join(home, "tributary.jar")); err != nil {
		return nil, err
	}
	logFile, err := os.Create(cp.logPath)
	if err != nil {
		return nil, err
	}
	java := "java"
	if jh := os.Getenv("JAVA_HOME"); jh != "" {
		java = filepath.Join(jh, "bin", "java")
	}
	cp.cmd = exec.Command(java, "-jar", filepath.Join(home, "tributary.jar"))
	// From the repository root, as `java -jar api/target/tributary.jar` is run: the `local`
	// host provider finds the broker-agent distribution (broker-agent/target/dist) from there.
	if root, err := moduleRoot(); err == nil && os.Getenv("TRIBUTARY_JAR") == "" {
		cp.cmd.Dir = filepath.Dir(root)
	} else {
		cp.cmd.Dir = home
	}
	cp.cmd.Env = append(os.Environ(),
		"TRIBUTARY_HOME="+home,
		fmt.Sprintf("SERVER_PORT=%d", port),
		"TRIBUTARY_AGENT_PORT=0", // any free port: this control plane is never restarted
		"TRIBUTARY_BOOTSTRAP_TOKEN="+cp.token,
	)
	cp.cmd.Stdout, cp.cmd.Stderr = logFile, logFile
	// Its own process group: stop() can then end the broker processes it spawned too.
	cp.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cp.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", jar, err)
	}
	go func() { cp.exited <- cp.cmd.Wait(); logFile.Close() }()
	fmt.Fprintf(os.Stderr, "acceptance: control plane pid %d on %s, home %s\n", cp.cmd.Process.Pid, cp.endpoint, home)

	started := time.Now()
	deadline := started.Add(serverStartTimeout)
	httpClient := &http.Client{Timeout: 5 * time.Second}
	for time.Now().Before(deadline) {
		select {
		case err := <-cp.exited:
			cp.exited <- err
			return cp, fmt.Errorf("control plane exited during start-up: %v", err)
		case <-time.After(time.Second):
		}
		if up, _ := healthUp(httpClient, cp.endpoint); up {
			fmt.Fprintf(os.Stderr, "acceptance: control plane UP after %s\n", time.Since(started).Round(time.Second))
			return cp, nil
		}
	}
	return cp, fmt.Errorf("control plane not UP after %s", serverStartTimeout)
}

func healthUp(c *http.Client, endpoint string) (bool, error) {
	resp, err := c.Get(endpoint + "/actuator/health")
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var health struct {
		Status string `json:"status"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&health); err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK && health.Status == "UP", nil
}

// stop sends SIGTERM, waits for the control plane to exit, then ends whatever is left of
// its process group.
func (cp *controlPlane) stop() {
	if cp.cmd == nil || cp.cmd.Process == nil {
		return
	}
	pid := cp.cmd.Process.Pid
	_ = cp.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-cp.exited:
		fmt.Fprintf(os.Stderr, "acceptance: control plane stopped\n")
	case <-time.After(serverStopTimeout):
		fmt.Fprintf(os.Stderr, "acceptance: control plane ignored SIGTERM for %s; killing it\n", serverStopTimeout)
		_ = cp.cmd.Process.Kill()
		<-cp.exited
	}
	if err := syscall.Kill(-pid, syscall.SIGTERM); err == nil {
		fmt.Fprintf(os.Stderr, "acceptance: ended leftover processes of group %d\n", pid)
		time.Sleep(2 * time.Second)
		_ = syscall.Kill(-pid, syscall.SIGKILL)
	}
	if os.Getenv("TRIBUTARY_KEEP_HOME") == "" {
		_ = os.RemoveAll(cp.home)
	}
}

func (cp *controlPlane) printLog(w *os.File, lines int) {
	f, err := os.Open(cp.logPath)
	if err != nil {
		return
	}
	defer f.Close()
	var tail []string
	s := bufio.NewScanner(f)
	s.Buffer(make([]byte, 1<<20), 1<<20)
	for s.Scan() {
		tail = append(tail, s.Text())
		if len(tail) > lines {
			tail = tail[1:]
		}
	}
	fmt.Fprintf(w, "---- last %d lines of %s ----\n%s\n----\n", len(tail), cp.logPath, strings.Join(tail, "\n"))
}

// moduleRoot is the directory of this module's go.mod, whatever directory the tests run in.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			strings.Contains(string(data), "module github.com/tributary-io/terraform-provider-tributary") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root (go.mod of terraform-provider-tributary) not found above the working directory")
		}
		dir = parent
	}
}

// controlPlaneJar is ../api/target/tributary.jar relative to the module root, unless
// TRIBUTARY_JAR names another.
func controlPlaneJar() (string, error) {
	if jar := os.Getenv("TRIBUTARY_JAR"); jar != "" {
		return jar, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	jar := filepath.Clean(filepath.Join(root, "..", "api", "target", "tributary.jar"))
	if _, err := os.Stat(jar); err != nil {
		return "", fmt.Errorf("%s not found: build it with `mvn -DskipTests install` at the repository root", jar)
	}
	return jar, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// accPreCheck skips nothing: TF_ACC is checked by terraform-plugin-testing itself; this
// only guards against a harness that did not start.
func accPreCheck(t *testing.T) {
	t.Helper()
	if accAPI == nil || accAPI.project == "" {
		t.Fatal("acceptance harness not initialised (TestMain)")
	}
}
