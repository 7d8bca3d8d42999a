using System;
using System.Collections.Generic;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// GET /companies/scroll's rules, kept per app in memory (a scroll does not outlive the process, as the real one
/// expires): one scroll open per app at a time (opening another while one is in use is the real service's 400
/// "scroll already exists for this app"), a scroll unused for <see cref="CompanySettings.ScrollExpirySeconds"/>
/// (a minute) expires, the empty page at the end closes it, and a page that fails (the injected 500 the real service
/// answers after a network error, "Please restart the scroll operation") leaves it open until it expires, as the
/// real one does, so a client that restarts at once meets the 400 until then. Also each app's company settings.
/// </summary>
internal sealed class CompanyScrolls
{
    private readonly object gate = new();
    private readonly Dictionary<string, Scroll> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompanySettings> settings = new(StringComparer.Ordinal);

    public CompanySettings SettingsOf(string app)
    {
        lock (gate)
        {
            return settings.GetValueOrDefault(app, CompanySettings.Default);
        }
    }

    public void Set(string app, CompanySettings value)
    {
        lock (gate)
        {
            settings[app] = value;
        }
    }

    /// <summary>Forgets every scroll and setting (of one app, when given).</summary>
    public void Reset(string? app)
    {
        lock (gate)
        {
            if (app is null)
            {
                open.Clear();
                settings.Clear();
            }
            else
            {
                open.Remove(app);
                settings.Remove(app);
            }
        }
    }

    /// <summary>
    /// The page a scroll request may read: the seq its companies come after and the scroll's param. Without
    /// <paramref name="param"/> a new scroll opens (refused while another is in use); with it, the open scroll must
    /// be that one and unexpired. A page the settings say must fail fails here, once, leaving the scroll open.
    /// </summary>
    public (long After, string Param) Begin(string app, string? param, DateTime now)
    {
        lock (gate)
        {
            var config = settings.GetValueOrDefault(app, CompanySettings.Default);
            var expiry = TimeSpan.FromSeconds(config.ScrollExpirySeconds);
            if (open.TryGetValue(app, out var scroll) && now - scroll.LastUsed >= expiry)
            {
                open.Remove(app);
                scroll = null;
            }

            if (param is null)
            {
                if (scroll is not null)
                {
                    throw new ApiError(400, "bad_request", "scroll already exists for this app") { Code = "scroll_exists" };
                }

                scroll = new Scroll(Guid.NewGuid().ToString());
                open[app] = scroll;
            }
            else if (scroll is null || scroll.Param != param)
            {
                throw new ApiError(404, "not_found", "scroll_param does not name an open scroll: it expired (a minute unused), ended, or was never handed out")
                {
                    Code = "not_found",
                    Field = "scroll_param",
                };
            }

            scroll.LastUsed = now;
            scroll.Pages++;
            if (config.FailScrollPage == scroll.Pages)
            {
                settings[app] = config with { FailScrollPage = null };
                throw new ApiError(500, "server_error", "Request failed due to an internal network error. Please restart the scroll operation.") { Code = "server_error" };
            }

            return (scroll.After, scroll.Param);
        }
    }

    /// <summary>What a page handed out: the scroll moves past its last company, or, empty, ends.</summary>
    public void Served(string app, string param, long? lastSeq)
    {
        lock (gate)
        {
            if (!open.TryGetValue(app, out var scroll) || scroll.Param != param)
            {
                return;
            }

            if (lastSeq is { } seq)
            {
                scroll.After = seq;
            }
            else
            {
                open.Remove(app);
            }
        }
    }

    private sealed class Scroll(string param)
    {
        public string Param { get; } = param;

        public long After { get; set; }

        public DateTime LastUsed { get; set; }

        public int Pages { get; set; }
    }
}

/// <summary>
/// An app's company rules, the real service's by default: the list stops at 10,000 companies, a scroll page holds
/// 50 (the real service does not say), a scroll expires after 60 seconds unused. Tests lower them through
/// PUT /admin/apps/{app_id}/companies, and name the scroll page (1 is the first) that fails once with the real 500.
/// </summary>
internal sealed record CompanySettings(int ListLimit, int ScrollPageSize, int ScrollExpirySeconds, int? FailScrollPage)
{
    public static CompanySettings Default { get; } = new(10_000, 50, 60, null);
}
