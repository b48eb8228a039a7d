using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewFilterIndexCoversCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_ProviderId_State",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ProviderId_State_Id",
                table: "Reviews",
                columns: new[] { "ProviderId", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_ProviderId_State_Id",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ProviderId_State",
                table: "Reviews",
                columns: new[] { "ProviderId", "State" });
        }
    }
}
