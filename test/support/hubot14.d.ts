// Hubot 14 ships no type declarations; the harness uses it untyped.
declare module 'hubot14'
