using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace IntercomPS.Bench
{
    /// <summary>
    /// wrk, the load generator from Debian (installed with apt-get the first time), with its requests written as Lua
    /// scripts in a folder of their own. A rate travels as a TimeSpan (one tick a request a second), so the
    /// interleaved medians serve rates too.
    /// </summary>
    public sealed class Wrk : IDisposable
    {
        public const int Connections = 16;
        private const string Installed = "/usr/bin/wrk";
        private readonly DirectoryInfo _scripts = Directory.CreateTempSubdirectory("intercomps-wrk-");

        private Wrk()
        {
        }

        /// <summary>wrk on this machine, installed from Debian (`apt-get install -y wrk`) when missing.</summary>
        public static async Task<Wrk> StartAsync()
        {
            if (!File.Exists(Installed))
            {
                Console.Error.WriteLine("wrk is not installed: apt-get update && apt-get install -y wrk");
                foreach (var command in new[] { "update -qq", "install -y -qq wrk" })
                {
                    using var apt = Process.Start(new ProcessStartInfo("apt-get", command) { UseShellExecute = false }) ?? throw new InvalidOperationException("Cannot run apt-get.");
                    await apt.WaitForExitAsync();
                    if (apt.ExitCode != 0) throw new InvalidOperationException($"apt-get {command} failed ({apt.ExitCode}); install wrk by hand.");
                }
                if (!File.Exists(Installed)) throw new InvalidOperationException("apt-get installed wrk, but not at " + Installed);
            }
            return new Wrk();
        }

        /// <summary>A Lua request script, kept until this is disposed.</summary>
        public string Script(string name, string lua)
        {
            var path = Path.Combine(_scripts.FullName, name);
            File.WriteAllText(path, lua);
            return path;
        }

        /// <summary>GET /v1/users?user_id= of a random user of user1..user{users} (as /admin/seed makes them): the throughput rows' read.</summary>
        public string SingleUserGet(int users) => Script("get.lua", $$"""
                request = function()
                  return wrk.format("GET", "/v1/users?user_id=user" .. math.random(1, {{users}}))
                end
                """);

        /// <summary>PUT /v1/users of a random seeded user with a new custom_data value: the throughput rows' write.</summary>
        public string SingleUserPut(int users) => Script("put.lua", $$$"""
                wrk.method = "PUT"
                wrk.headers["Content-Type"] = "application/json"
                request = function()
                  local body = '{"user_id":"user' .. math.random(1, {{{users}}}) .. '","custom_data":{"visits":' .. math.random(1, 1000) .. '}}'
                  return wrk.format("PUT", "/v1/users", nil, body)
                end
                """);

        /// <summary>Requests a second that <paramref name="script"/> gets from <paramref name="baseUri"/> in <paramref name="seconds"/>.</summary>
        public async Task<TimeSpan> RateAsync(Uri baseUri, string script, int seconds, params string[] headers)
        {
            var start = new ProcessStartInfo(Installed) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-t2", $"-c{Connections}", $"-d{seconds}s", "-s", script }) start.ArgumentList.Add(argument);
            foreach (var header in headers)
            {
                start.ArgumentList.Add("-H");
                start.ArgumentList.Add(header);
            }
            start.ArgumentList.Add(baseUri.ToString().TrimEnd('/'));
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start wrk.");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var match = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
            if (process.ExitCode != 0 || !match.Success) throw new InvalidOperationException("wrk failed: " + output + await process.StandardError.ReadToEndAsync());
            // A non-2xx answer means the load measured errors, not work.
            if (Regex.IsMatch(output, @"Non-2xx or 3xx responses")) throw new InvalidOperationException("wrk saw failed answers: " + output);
            return TimeSpan.FromTicks((long)double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        public void Dispose() => _scripts.Delete(true);
    }
}
