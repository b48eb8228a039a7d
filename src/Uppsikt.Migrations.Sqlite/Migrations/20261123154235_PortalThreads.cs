using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalThreads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortalMessages_MatterKind_MatterId",
                table: "PortalMessages");

            migrationBuilder.CreateIndex(
                name: "IX_PortalMessages_ProviderId_MatterKind_MatterId_SentAt",
                table: "PortalMessages",
                columns: new[] { "ProviderId", "MatterKind", "MatterId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortalMessages_ProviderId_MatterKind_MatterId_SentAt",
                table: "PortalMessages");

            migrationBuilder.CreateIndex(
                name: "IX_PortalMessages_MatterKind_MatterId",
                table: "PortalMessages",
                columns: new[] { "MatterKind", "MatterId" });
        }
    }
}
