global using Xunit;
global using CheapLearning.Generator.Bits;
global using CheapLearning.Generator.Classifier;
global using CheapLearning.Generator.Common;
global using CheapLearning.Generator.Polynomials;
