using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Tests;

public sealed class AppLinksTests
{
    [Theory]
    [InlineData("http://[::]:5000", "http://localhost:5000/Cycle/MyTasks")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/Cycle/MyTasks")]
    [InlineData("http://+:80", "http://localhost/Cycle/MyTasks")]
    [InlineData("https://*:8443", "https://localhost:8443/Cycle/MyTasks")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/Cycle/MyTasks")]
    public void WithoutASettingAJobLinksToTheAddressTheAppListensOn(string listening, string expected)
    {
        var links = new AppLinks(new MailSettings(), new ListeningServer(listening));

        Assert.Equal(expected, links.To("/Cycle/MyTasks"));
        Assert.Equal("\n" + expected, links.LinkLine("/Cycle/MyTasks"));
    }

    [Fact]
    public void TheSettingWinsOverTheRequestAndTheListeningAddress()
    {
        var links = new AppLinks(new MailSettings { AppUrl = "https://uppsikt.kommun.example/" }, new ListeningServer("http://[::]:5000"));
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("intern-värd:5000");

        Assert.Equal("https://uppsikt.kommun.example/Portal", links.To("/Portal", request));
    }

    [Fact]
    public void WithoutASettingMailFromARequestLinksToThatRequestsAddress()
    {
        var links = new AppLinks(new MailSettings(), new ListeningServer("http://[::]:5000"));
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("uppsikt.kommun.example");
        request.PathBase = "/uppfoljning";

        Assert.Equal("https://uppsikt.kommun.example/uppfoljning/Portal", links.To("/Portal", request));
    }

    [Fact]
    public void WithNoAddressKnownThereIsNoLinkAndNoLine()
    {
        var links = new AppLinks(new MailSettings(), new ListeningServer());

        Assert.Null(links.To("/Cycle/MyTasks"));
        Assert.Equal("", links.LinkLine("/Cycle/MyTasks"));
    }

    private sealed class ListeningServer : IServer
    {
        public ListeningServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
