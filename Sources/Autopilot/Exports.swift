@_exported import struct Learners.DesignMatrix
// Types of Autopilot's own API that come from Learners: a client that imports Autopilot names
// them without importing Learners too.
@_exported import enum Learners.ProblemType
