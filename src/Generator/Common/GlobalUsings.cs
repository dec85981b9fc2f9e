// Namespaces every part of the generator uses, imported once here instead of at the top of each file.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using CheapLearning.Generator.Common;
global using CheapLearning.Generator.Model;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
global using Microsoft.CodeAnalysis.Diagnostics;
