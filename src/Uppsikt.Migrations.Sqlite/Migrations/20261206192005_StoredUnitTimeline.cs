using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoredUnitTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UnitTimelineEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SortAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VisibleToProvider = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisibleToDistrict = table.Column<bool>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitTimelineEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitTimelineEntries_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitTimelineEntries_Source_GroupId_SourceId_UnitId",
                table: "UnitTimelineEntries",
                columns: new[] { "Source", "GroupId", "SourceId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitTimelineEntries_UnitId_SortAt",
                table: "UnitTimelineEntries",
                columns: new[] { "UnitId", "SortAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitTimelineEntries");
        }
    }
}
