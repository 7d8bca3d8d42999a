using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace IntercomPS.Emulator.Tests.Inspector;

/// <summary>
/// The Chromium the browser tests drive: INTERCOMPS_CHROMIUM if set, else Debian's chromium package. Playwright
/// drives it by its executable path; Playwright's own browser download is never used (it cannot be reached here,
/// and a test must not fetch anything).
/// </summary>
internal static class Chromium
{
    public const string Missing =
        "No Chromium: the browser tests need Debian's chromium (as root: apt-get install -y chromium; build.ps1's Test task installs it) or INTERCOMPS_CHROMIUM naming a Chromium executable";

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("INTERCOMPS_CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"INTERCOMPS_CHROMIUM names '{given}', which does not exist");
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }
}

/// <summary>A test that drives Chromium: skipped, with one line saying how to install it, where there is none.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = Chromium.Missing;
        }
    }
}

/// <summary>One headless Chromium for a test class, started through Playwright's driver with the executable path.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            return; // every test of the class is skipped
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.Path, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
