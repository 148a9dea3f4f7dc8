using System.Diagnostics;

namespace Engagement.Metrics.Cli.Tests;

/// <summary>
/// Packaging (issue 10): packs the CLI as a dotnet tool from this build, installs it from the local package into a
/// temporary tool path, and runs <c>report --sample</c> with the installed command — as a user would after
/// <c>dotnet tool install</c>, with no repository at hand. Fully offline: a temporary NuGet.config lists only the
/// local package folder, and a temporary NUGET_PACKAGES keeps any cached copy of the same version out of the way.
/// </summary>
public class ToolInstallTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void PackedTool_InstallsFromTheLocalPackage_AndRunsTheSampleReport()
    {
        string root = RepositoryRoot();
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        string work = Path.Combine(Path.GetTempPath(), $"em-tool-{Guid.NewGuid():N}");
        string packages = Path.Combine(work, "packages");
        Directory.CreateDirectory(work);
        try
        {
            // The test project references the CLI, so the CLI is already built in this configuration: pack it as is.
            (int packExit, string packOut) = Dotnet(work, null, "pack", Path.Combine(root, "src", "Engagement.Metrics.Cli", "Engagement.Metrics.Cli.csproj"),
                "-c", configuration, "--no-build", "-o", packages, "-p:PublishDir=" + Path.Combine(work, "publish") + Path.DirectorySeparatorChar);
            Assert.True(packExit == 0, $"dotnet pack failed:\n{packOut}");
            string package = Assert.Single(Directory.GetFiles(packages, "Engagement.Metrics.Cli.*.nupkg"));
            string version = Path.GetFileNameWithoutExtension(package)["Engagement.Metrics.Cli.".Length..];

            string config = Path.Combine(work, "NuGet.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            string tools = Path.Combine(work, "tools");
            (int installExit, string installOut) = Dotnet(work, Path.Combine(work, "nuget-cache"), "tool", "install", "Engagement.Metrics.Cli",
                "--tool-path", tools, "--configfile", config, "--version", version);
            Assert.True(installExit == 0, $"dotnet tool install failed:\n{installOut}");

            string command = Path.Combine(tools, OperatingSystem.IsWindows() ? "engagement-metrics.exe" : "engagement-metrics");
            string page = Path.Combine(work, "report.html");
            (int reportExit, string reportOut) = Run(command, work, null, "report", "--sample", "--html", page);

            Assert.True(reportExit == 0, $"the installed tool's report --sample failed:\n{reportOut}");
            Assert.Contains("Engagement report · bundled sample", reportOut, StringComparison.Ordinal);
            Assert.Contains("== Customer lifetime value ==", reportOut, StringComparison.Ordinal);
            Assert.Contains("Kaplan–Meier survival", reportOut, StringComparison.Ordinal);
            Assert.Contains("<canvas id=\"chart-surveys-nps-trend\"", File.ReadAllText(page), StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static (int Exit, string Output) Dotnet(string workingDirectory, string? nugetPackages, params string[] args) =>
        Run("dotnet", workingDirectory, nugetPackages, args);

    private static (int Exit, string Output) Run(string fileName, string workingDirectory, string? nugetPackages, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (nugetPackages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = nugetPackages;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} {string.Join(' ', args)} did not finish within {Timeout}.\n{stdout.Result}\n{stderr.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engagement.Metrics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Engagement.Metrics.sln above {AppContext.BaseDirectory}; the tool-install test runs from a repository checkout.");
    }
}
