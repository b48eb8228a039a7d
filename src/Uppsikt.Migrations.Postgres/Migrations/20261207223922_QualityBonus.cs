using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QualityBonus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BonusModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChoiceSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HoursPerPlace = table.Column<int>(type: "integer", nullable: true),
                    CeilingPerUnit = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BonusModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BonusModels_ChoiceSystems_ChoiceSystemId",
                        column: x => x.ChoiceSystemId,
                        principalTable: "ChoiceSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BonusCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BonusModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Limit = table.Column<double>(type: "double precision", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BonusCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BonusCriteria_BonusModels_BonusModelId",
                        column: x => x.BonusModelId,
                        principalTable: "BonusModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BonusCriteria_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BonusScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BonusModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Years = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SavedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BonusScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BonusScenarios_BonusModels_BonusModelId",
                        column: x => x.BonusModelId,
                        principalTable: "BonusModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BonusCriteria_BonusModelId_Position",
                table: "BonusCriteria",
                columns: new[] { "BonusModelId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_BonusCriteria_IndicatorId",
                table: "BonusCriteria",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_BonusModels_ChoiceSystemId",
                table: "BonusModels",
                column: "ChoiceSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_BonusScenarios_BonusModelId_SavedAt",
                table: "BonusScenarios",
                columns: new[] { "BonusModelId", "SavedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BonusCriteria");

            migrationBuilder.DropTable(
                name: "BonusScenarios");

            migrationBuilder.DropTable(
                name: "BonusModels");
        }
    }
}
