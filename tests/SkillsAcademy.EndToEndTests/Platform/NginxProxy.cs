using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Platform;

/// <summary>
/// Debian's nginx in the foreground on loopback ports, running deploy/nginx.conf with the compose names of the
/// nodes, the ports and the certificate paths substituted, and a self-signed certificate for 127.0.0.1. Its access
/// log records, per request, the route key of the sticky cookie and the node that answered.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string DeployedConfig = "deploy/nginx.conf";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int httpsPort, X509Certificate2 certificate)
    {
        _process = process;
        _folder = folder;
        BaseAddress = new Uri($"https://127.0.0.1:{httpsPort}/");
        Certificate = certificate;
    }

    public static string Executable => Environment.GetEnvironmentVariable("NGINX_PATH") is { Length: > 0 } path ? path : "/usr/sbin/nginx";

    public Uri BaseAddress { get; }

    public X509Certificate2 Certificate { get; }

    public string AccessLogPath => Path.Combine(_folder, "access.log");

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>deploy/nginx.conf with the nodes at the given addresses; fails if a line the test relies on has changed.</summary>
    public static string SiteConfig(string deployed, IReadOnlyList<Uri> nodes, int httpPort, int httpsPort, string certificateFolder)
    {
        string Replace(string text, string from, string to)
        {
            text.Contains(from, StringComparison.Ordinal).ShouldBeTrue($"{DeployedConfig} no longer contains '{from}'; update NginxProxy");
            return text.Replace(from, to, StringComparison.Ordinal);
        }

        var site = Replace(deployed, "server app1:8080 ", $"server {nodes[0].Authority} ");
        site = Replace(site, "server app2:8080 ", $"server {nodes[1].Authority} ");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;");
        site = Replace(site, "/etc/nginx/certs/", certificateFolder.TrimEnd('/') + "/");
        return site;
    }

    public static async Task<NginxProxy> StartAsync(string folder, IReadOnlyList<Uri> nodes)
    {
        File.Exists(Executable).ShouldBeTrue($"no nginx at {Executable}: ./test.sh installs Debian's nginx-light, or set NGINX_PATH");
        Directory.CreateDirectory(folder);
        var certificate = WriteSelfSignedCertificate(folder);
        var httpPort = FreeLoopbackPort();
        var httpsPort = FreeLoopbackPort();
        var deployed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, DeployedConfig));
        await File.WriteAllTextAsync(Path.Combine(folder, "skillsacademy.conf"), SiteConfig(deployed, nodes, httpPort, httpsPort, folder));
        // The main file nginx's package would provide, with every path inside the test's folder.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                log_format routes '$sa_route|$upstream_addr|$status|$request';
                access_log {{folder}}/access.log routes;
                include {{folder}}/skillsacademy.conf;
            }
            """);

        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", "stderr", "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { errors.Enqueue(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var proxy = new NginxProxy(process, folder, httpsPort, certificate);

        using var http = proxy.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            process.HasExited.ShouldBeFalse($"nginx ended: {string.Join('\n', errors)} {ReadIfExists(Path.Combine(folder, "error.log"))}");
            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return proxy;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            (DateTime.UtcNow < deadline).ShouldBeTrue($"nginx did not answer: {string.Join('\n', errors)}");
            await Task.Delay(200);
        }
    }

    /// <summary>An HTTP client that trusts exactly this proxy's certificate and keeps cookies in <paramref name="cookies"/>.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null)
    {
        var thumbprint = Certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>(route key, node address(es), status, request line) of every request logged so far; a WebSocket once it closed.</summary>
    public IReadOnlyList<RoutedRequest> RoutedRequests()
    {
        if (!File.Exists(AccessLogPath))
        {
            return [];
        }

        using var stream = new FileStream(AccessLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var requests = new List<RoutedRequest>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('|', 4);
            if (parts.Length == 4)
            {
                requests.Add(new RoutedRequest(parts[0], parts[1], parts[2], parts[3]));
            }
        }

        return requests;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Certificate.Dispose();
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static X509Certificate2 WriteSelfSignedCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        File.WriteAllText(Path.Combine(folder, "tls.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "tls.key"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }
}

/// <summary>One line of the proxy's access log: which route key went to which node.</summary>
public sealed record RoutedRequest(string RouteKey, string Node, string Status, string RequestLine);
