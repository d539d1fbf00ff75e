-- One database per service, each owned by its own role (passwords from docker-compose.yml's
-- environment; change them outside local use).
CREATE ROLE pricing LOGIN PASSWORD 'pricing';
CREATE ROLE supply LOGIN PASSWORD 'supply';
CREATE ROLE forecast LOGIN PASSWORD 'forecast';
CREATE ROLE gateway LOGIN PASSWORD 'gateway';
CREATE DATABASE pricing OWNER pricing;
CREATE DATABASE supply OWNER supply;
CREATE DATABASE forecast OWNER forecast;
CREATE DATABASE gateway OWNER gateway;
